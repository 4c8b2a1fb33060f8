using Shop.GraphQL.Resolvers;
using Shop.Domain;

namespace Shop.Products.GraphQL;

internal static class ResolverServices
{
    /// <summary>Runs a query's domain call; its refusals become field errors with their codes.</summary>
    public static async Task<T> QueryAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (DomainException exception)
        {
            throw exception.ToExecutionError();
        }
    }
}
