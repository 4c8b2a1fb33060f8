using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL.Payloads;

/// <summary>What a mutation returns: the entity it made or changed, or the errors that stopped it.</summary>
public sealed record MutationPayload<T>(T? Entity, IReadOnlyList<DomainError> Errors)
    where T : class
{
    /// <summary>
    /// Runs the change; domain refusals and <paramref name="inputErrors"/> (unparseable ids) become
    /// the payload's errors, and then nothing has changed.
    /// </summary>
    public static async Task<MutationPayload<T>> RunAsync(List<DomainError> inputErrors, Func<Task<T>> change)
    {
        if (inputErrors.Count > 0)
        {
            return new MutationPayload<T>(null, inputErrors);
        }

        try
        {
            return new MutationPayload<T>(await change(), []);
        }
        catch (DomainException exception)
        {
            return new MutationPayload<T>(null, exception.Errors);
        }
    }
}
