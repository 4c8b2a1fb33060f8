using Shop.Domain;

namespace Shop.GraphQL.Mutations;

/// <summary>What every mutation returns: the entity it made or changed, or the errors that stopped it.</summary>
public sealed record MutationPayload<T>(T? Entity, IReadOnlyList<DomainError> Errors)
    where T : class
{
    public static MutationPayload<T> Of(T entity) => new(entity, []);

    /// <summary>With a throttle's refusal: how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static MutationPayload<T> Failed(params IReadOnlyList<DomainError> errors) => new(null, errors);

    public static MutationPayload<T> Failed(DomainException refusal) => new(null, refusal.Errors) { RetryAfter = refusal.RetryAfter };

    /// <summary>Runs the change; a domain refusal becomes the payload's errors, and then nothing has changed.</summary>
    public static Task<MutationPayload<T>> RunAsync(Func<Task<T>> change) => RunAsync([], change);

    /// <summary>
    /// As <see cref="RunAsync(Func{Task{T}})"/>, but when <paramref name="inputErrors"/> (unparseable
    /// ids, say) is not empty the change does not run and those are the errors.
    /// </summary>
    public static async Task<MutationPayload<T>> RunAsync(IReadOnlyList<DomainError> inputErrors, Func<Task<T>> change)
    {
        if (inputErrors.Count > 0)
        {
            return Failed(inputErrors);
        }

        try
        {
            return Of(await change());
        }
        catch (DomainException exception)
        {
            return Failed(exception);
        }
    }
}
