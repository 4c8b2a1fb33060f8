using Shop.Domain;

namespace Shop.Users.Sessions;

/// <summary>Too many attempts: a TOO_MANY_ATTEMPTS refusal the client may retry after <see cref="RetryAfterSeconds"/>.</summary>
public sealed class ThrottledException : DomainException
{
    public ThrottledException(string message, int retryAfterSeconds)
        : base(new DomainError(SessionErrors.TooManyAttempts, message))
    {
        RetryAfterSeconds = retryAfterSeconds;
        RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds);
    }

    public ThrottledException(int retryAfterSeconds)
        : this(SignInMessage(retryAfterSeconds), retryAfterSeconds)
    {
    }

    public ThrottledException()
        : this(1)
    {
    }

    public ThrottledException(string message)
        : this(message, 1)
    {
    }

    public ThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfterSeconds = 1;
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public int RetryAfterSeconds { get; }

    public DomainError Error => Errors[0];

    public static string SignInMessage(int seconds) => $"Too many failed sign-in attempts. Try again in {seconds} seconds.";

    public static string RegistrationMessage(int seconds) => $"Too many registrations from this address. Try again in {seconds} seconds.";
}
