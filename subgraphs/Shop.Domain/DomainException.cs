namespace Shop.Domain;

/// <summary>
/// Carries <see cref="DomainError"/>s out of the domain to the GraphQL payload or gRPC status that
/// reports them; not sealed so a refusal with more to say (a throttle's wait) can derive from it.
/// </summary>
public class DomainException : Exception
{
    public DomainException(DomainError error)
        : this([error])
    {
    }

    public DomainException(IReadOnlyList<DomainError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "A business rule refused the request.")
    {
        Errors = errors;
    }

    public DomainException()
        : this([])
    {
    }

    public DomainException(string message)
        : this(new DomainError("INVALID", message))
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new DomainError("INVALID", message)];
    }

    public IReadOnlyList<DomainError> Errors { get; }

    /// <summary>For a refusal that passes with time (a throttle): how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
