using System.Diagnostics;
using System.Security.Claims;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>Runs one GraphQL request for any transport, with Shop's limits, caching and error masking.</summary>
public sealed class GraphQLExecutor(IDocumentExecuter<ISchema> executer, IOptions<GraphQLOptions> options)
{
    internal static readonly ActivitySource Source = new("Shop.GraphQL");

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequestBody request,
        GraphQLTransport transport,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxDocumentLength;
        if (request.Query.Length > limit)
        {
            return RequestError("DOCUMENT_TOO_LARGE", $"The document is {request.Query.Length} characters long; the limit is {limit}.");
        }

        using var activity = Source.StartActivity("graphql.execute");
        activity?.SetTag("graphql.operation.name", request.OperationName);

        var rule = OperationTypeRule.For(transport);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ValidationRules = DocumentValidator.CoreRules.Append(rule),
            CachedDocumentValidationRules = [rule],
        });

        activity?.SetTag("graphql.operation.type", result.Operation?.Operation.ToString().ToLowerInvariant());
        if (result.Errors is { Count: > 0 })
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return result;
    }

    /// <summary>A result for a request that failed before execution: errors, no data.</summary>
    public static ExecutionResult RequestError(string code, string message)
        => new() { Errors = [new ExecutionError(message) { Code = code }] };
}
