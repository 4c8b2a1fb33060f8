using Shop.ServiceDefaults.Domain;

namespace Shop.Products.Catalog;

/// <summary>Checks shared by names and labels: trimmed, not empty, bounded, one line.</summary>
public static class Text
{
    public static string? SingleLine(string? raw, int maxLength, string code, string field, List<DomainError> errors)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length is 0 || text.Length > maxLength || text.Any(char.IsControl))
        {
            errors.Add(new DomainError(code, $"The {field} is 1 to {maxLength} characters on one line.", field));
            return null;
        }

        return text;
    }
}
