using System.Text.RegularExpressions;
using Shop.Domain;

namespace Shop.Users.Accounts;

public static partial class EmailAddress
{
    public const int MaxLength = 254;
    public const string InvalidCode = "INVALID_EMAIL";

    /// <summary>The lookup form: two spellings that differ only in case are one account.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The trimmed address, or null with an <c>INVALID_EMAIL</c> error.</summary>
    public static string? Validate(string? email, List<DomainError> errors, string field = "email")
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !Shape().IsMatch(trimmed))
        {
            errors.Add(new DomainError(InvalidCode, "Enter an email address such as name@example.com.", field));
            return null;
        }

        return trimmed;
    }

    // Deliberately loose (one @, a dot in the domain, no spaces or controls): only delivery proves an address.
    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}]+\.[^@\s\p{C}]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
