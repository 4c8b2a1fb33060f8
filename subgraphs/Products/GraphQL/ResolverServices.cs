using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL;

internal static class ResolverServices
{
    /// <summary>A request-scoped service: a DataLoader, the DbContext-backed domain classes.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull
        => context.RequestServices!.GetRequiredService<T>();

    /// <summary>Runs a query's domain call; its refusals become field errors with their codes.</summary>
    public static async Task<T> QueryAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (DomainException exception)
        {
            var first = exception.Errors[0];
            throw new ExecutionError(string.Join(" ", exception.Errors.Select(e => e.Message))) { Code = first.Code };
        }
    }
}
