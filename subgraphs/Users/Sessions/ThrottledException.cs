using Shop.ServiceDefaults.Domain;

namespace Shop.Users.Sessions;

/// <summary>Too many attempts: the client may try again after <see cref="RetryAfterSeconds"/>.</summary>
public sealed class ThrottledException : Exception
{
    public ThrottledException(string message, int retryAfterSeconds)
        : base(message)
    {
        RetryAfterSeconds = retryAfterSeconds;
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
    }

    public int RetryAfterSeconds { get; }

    public DomainError Error => new(SessionErrors.TooManyAttempts, Message);

    public static string SignInMessage(int seconds) => $"Too many failed sign-in attempts. Try again in {seconds} seconds.";

    public static string RegistrationMessage(int seconds) => $"Too many registrations from this address. Try again in {seconds} seconds.";
}
