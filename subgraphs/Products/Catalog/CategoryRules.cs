using System.Text.RegularExpressions;
using Shop.Domain;

namespace Shop.Products.Catalog;

public static partial class CategoryRules
{
    public const int MaxSlugLength = 64;
    public const int MaxNameLength = 100;

    /// <summary>Lower-case words of letters and digits joined by single hyphens: <c>coffee-and-tea</c>.</summary>
    public static string? Slug(string? raw, List<DomainError> errors)
    {
        var slug = raw?.Trim() ?? string.Empty;
        if (slug.Length is 0 or > MaxSlugLength || !SlugPattern().IsMatch(slug))
        {
            errors.Add(new DomainError(
                CatalogErrors.InvalidSlug,
                $"A slug is 1 to {MaxSlugLength} lower-case letters and digits in words joined by single hyphens, such as \"coffee-and-tea\".",
                "slug"));
            return null;
        }

        return slug;
    }

    public static string? Name(string? raw, List<DomainError> errors)
        => TextInput.Required(raw, "name", MaxNameLength, CatalogErrors.InvalidName, errors);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
