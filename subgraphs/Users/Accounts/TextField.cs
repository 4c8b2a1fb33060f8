using Shop.ServiceDefaults.Domain;

namespace Shop.Users.Accounts;

/// <summary>Trims and checks free-text input: a length range and no control characters.</summary>
internal static class TextField
{
    public const string InvalidCode = "INVALID_FIELD";

    /// <summary>The trimmed value, or an error naming the field when it is missing, too long or not printable.</summary>
    public static string? Required(string? value, string field, int maxLength, List<DomainError> errors, string code = InvalidCode)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new DomainError(code, $"'{field}' is required.", field));
            return null;
        }

        return Check(trimmed, field, maxLength, errors, code);
    }

    /// <summary>Null for an absent or blank value; otherwise as <see cref="Required"/>.</summary>
    public static string? Optional(string? value, string field, int maxLength, List<DomainError> errors, string code = InvalidCode)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Check(trimmed, field, maxLength, errors, code);
    }

    private static string? Check(string value, string field, int maxLength, List<DomainError> errors, string code)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new DomainError(code, $"'{field}' is at most {maxLength} characters long.", field));
            return null;
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(new DomainError(code, $"'{field}' must not contain control characters.", field));
            return null;
        }

        return value;
    }
}
