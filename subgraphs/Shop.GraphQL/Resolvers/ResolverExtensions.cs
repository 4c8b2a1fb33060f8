using Microsoft.Extensions.DependencyInjection;
using Shop.Domain;

namespace Shop.GraphQL.Resolvers;

/// <summary>What every subgraph's resolvers need from their context.</summary>
public static class ResolverExtensions
{
    /// <summary>A request-scoped service: a DataLoader, a DbContext-backed domain class.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull
        => context.RequestServices!.GetRequiredService<T>();

    /// <summary>An <c>ID</c> argument holding a Guid; anything else is an <c>INVALID_ARGUMENT</c> field error naming it.</summary>
    public static Guid GuidArgument(this IResolveFieldContext context, string name) => IdArguments.Parse(context.GetArgument<string?>(name), name);

    /// <summary>A business refusal outside a mutation payload: a field error with the first error's code.</summary>
    public static ExecutionError ToExecutionError(this DomainException exception)
        => new(string.Join(" ", exception.Errors.Select(e => e.Message))) { Code = exception.Errors.Count > 0 ? exception.Errors[0].Code : "REFUSED" };
}
