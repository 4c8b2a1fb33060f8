using Microsoft.Extensions.Options;
using Shop.Domain;

namespace Shop.Users.Accounts;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least <see cref="UsersOptions.PasswordMinLength"/>
/// characters, at most 128, and not trivially guessable.
/// </summary>
public sealed class PasswordPolicy(IOptions<UsersOptions> options)
{
    public const int MaxLength = 128;
    public const int MinDistinctCharacters = 5;
    public const string TooShort = "PASSWORD_TOO_SHORT";
    public const string TooLong = "PASSWORD_TOO_LONG";
    public const string TooWeak = "PASSWORD_TOO_WEAK";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "123456789012", "0123456789", "1q2w3e4r5t", "qwertyuiop", "qwerty12345",
        "qwerty123456", "password12", "password123", "password1234", "passw0rd123", "iloveyou123", "letmein123",
        "welcome123", "administrator", "abc1234567", "abcdefghij", "1111111111", "monkey12345", "dragon12345",
    };

    public int MinLength => options.Value.PasswordMinLength;

    /// <summary>Adds an error for each rule <paramref name="password"/> breaks.</summary>
    public void Check(string? password, string? email, string field, List<DomainError> errors)
    {
        password ??= string.Empty;
        if (password.Length < MinLength)
        {
            errors.Add(new DomainError(TooShort, $"A password has at least {MinLength} characters.", field));
            return;
        }

        if (password.Length > MaxLength)
        {
            errors.Add(new DomainError(TooLong, $"A password has at most {MaxLength} characters.", field));
            return;
        }

        var localPart = email?.Split('@')[0];
        if (password.Distinct().Count() < MinDistinctCharacters
            || Common.Contains(password)
            || (localPart is { Length: >= 3 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new DomainError(TooWeak, "This password is too easy to guess: avoid common passwords, repeats and your email.", field));
        }
    }
}
