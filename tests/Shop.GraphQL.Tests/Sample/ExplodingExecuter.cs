using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.GraphQL.Tests.Sample;

/// <summary>
/// Fails outside every resolver, as a bug in the execution pipeline would, for the operation named
/// <see cref="OperationName"/>; runs every other operation as usual.
/// </summary>
public sealed class ExplodingExecuter(IDocumentExecuter<ISchema> inner) : IDocumentExecuter<ISchema>
{
    public const string OperationName = "Explode";

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options)
        => options.OperationName == OperationName
            ? throw new InvalidOperationException("pipeline bug (Password=hunter2)")
            : inner.ExecuteAsync(options);

    /// <summary>Puts this executer in front of the schema's own (registered as an open generic).</summary>
    public static void Install(IServiceCollection services)
    {
        var schemaExecuter = services.Last(d => d.ServiceType == typeof(IDocumentExecuter<>)).ImplementationType!.MakeGenericType(typeof(ISchema));
        services.AddSingleton<IDocumentExecuter<ISchema>>(provider
            => new ExplodingExecuter((IDocumentExecuter<ISchema>)ActivatorUtilities.CreateInstance(provider, schemaExecuter)));
    }
}
