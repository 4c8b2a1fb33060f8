namespace Shop.ServiceDefaults.Domain;

/// <summary>Carries <see cref="DomainError"/>s out of the domain to the GraphQL payload or gRPC status that reports them.</summary>
public sealed class DomainException : Exception
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
}
