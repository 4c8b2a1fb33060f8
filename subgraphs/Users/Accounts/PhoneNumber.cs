using System.Text.RegularExpressions;
using Shop.Domain;

namespace Shop.Users.Accounts;

public static partial class PhoneNumber
{
    public const string InvalidCode = "INVALID_PHONE";

    /// <summary>
    /// Null for no number; otherwise the number without spaces, dots, dashes or parentheses: an
    /// optional leading + and 7 to 15 digits (E.164's range).
    /// </summary>
    public static string? Normalize(string? phone, string field, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var compact = Separators().Replace(phone.Trim(), string.Empty);
        if (!Shape().IsMatch(compact))
        {
            errors.Add(new DomainError(InvalidCode, "A phone number has 7 to 15 digits, optionally starting with +.", field));
            return null;
        }

        return compact;
    }

    [GeneratedRegex(@"[\s.()-]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9]{7,15}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
