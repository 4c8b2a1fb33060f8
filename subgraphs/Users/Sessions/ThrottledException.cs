using Shop.ServiceDefaults.Domain;

namespace Shop.Users.Sessions;

/// <summary>Too many failed sign-ins: the client may try again after <see cref="RetryAfterSeconds"/>.</summary>
public sealed class ThrottledException : Exception
{
    public ThrottledException(int retryAfterSeconds)
        : base($"Too many failed sign-in attempts. Try again in {retryAfterSeconds} seconds.")
    {
        RetryAfterSeconds = retryAfterSeconds;
    }

    public ThrottledException()
        : this(1)
    {
    }

    public ThrottledException(string message)
        : base(message)
    {
        RetryAfterSeconds = 1;
    }

    public ThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfterSeconds = 1;
    }

    public int RetryAfterSeconds { get; }

    public DomainError Error => new(SessionErrors.TooManyAttempts, Message);
}
