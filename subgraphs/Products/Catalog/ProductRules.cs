using System.Text.RegularExpressions;
using Shop.Domain;

namespace Shop.Products.Catalog;

/// <summary>
/// What a valid product looks like. Each check normalises its value, or adds a
/// <see cref="DomainError"/> naming the input field, so one call reports every problem at once.
/// </summary>
public static partial class ProductRules
{
    public const int MaxSkuLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxCategories = 20;
    public const int MaxImages = 10;
    public const int MaxImageUrlLength = 2048;
    public const int MaxAltTextLength = 300;

    public static string? Sku(string? raw, List<DomainError> errors)
    {
        var sku = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (sku.Length is 0 or > MaxSkuLength || !SkuPattern().IsMatch(sku))
        {
            errors.Add(new DomainError(
                CatalogErrors.InvalidSku,
                $"A SKU is 1 to {MaxSkuLength} letters, digits, '.', '-' or '_', starting and ending with a letter or digit.",
                "sku"));
            return null;
        }

        return sku;
    }

    public static string? Name(string? raw, List<DomainError> errors)
        => TextInput.Required(raw, "name", MaxNameLength, CatalogErrors.InvalidName, errors);

    /// <summary>The trimmed description (empty when none is given), or null with an error.</summary>
    public static string? Description(string? raw, List<DomainError> errors)
    {
        var before = errors.Count;
        var description = TextInput.Optional(raw, "description", MaxDescriptionLength, CatalogErrors.InvalidDescription, errors, multiline: true);
        return errors.Count > before ? null : description ?? string.Empty;
    }

    /// <summary>A whole, positive number of đồng given as a string, such as "129000".</summary>
    public static decimal? Price(string? raw, List<DomainError> errors)
    {
        var price = Prices.Parse(raw?.Trim(), out var reason);
        if (price is null || price <= 0)
        {
            errors.Add(new DomainError(CatalogErrors.InvalidPrice, reason ?? "A price is more than 0 đồng.", "price"));
            return null;
        }

        return price;
    }

    public static IReadOnlyList<Guid> CategoryIds(IReadOnlyList<Guid> ids, List<DomainError> errors)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxCategories)
        {
            errors.Add(new DomainError(CatalogErrors.TooManyCategories, $"A product is in at most {MaxCategories} categories.", "categoryIds"));
        }

        return distinct;
    }

    /// <summary>Up to <see cref="MaxImages"/> https images; when there are any, exactly one is primary.</summary>
    public static IReadOnlyList<ImageDraft>? Images(IReadOnlyList<ImageDraft> images, List<DomainError> errors)
    {
        var before = errors.Count;
        if (images.Count > MaxImages)
        {
            errors.Add(new DomainError(CatalogErrors.InvalidImages, $"A product has at most {MaxImages} images.", "images"));
        }

        if (images.Count > 0 && images.Count(image => image.Primary) != 1)
        {
            errors.Add(new DomainError(CatalogErrors.InvalidImages, "Exactly one image must be the primary image.", "images"));
        }

        var normalised = new List<ImageDraft>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var url = images[i].Url?.Trim() ?? string.Empty;
            if (url.Length > MaxImageUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                errors.Add(new DomainError(CatalogErrors.InvalidImageUrl, $"Image {i + 1}: an image URL is an absolute https URL of at most {MaxImageUrlLength} characters.", $"images[{i}].url"));
                continue;
            }

            var problems = errors.Count;
            var altText = TextInput.Optional(images[i].AltText, $"images[{i}].altText", MaxAltTextLength, CatalogErrors.InvalidAltText, errors);
            if (errors.Count > problems)
            {
                continue;
            }

            normalised.Add(new ImageDraft(uri.AbsoluteUri, altText ?? string.Empty, images[i].Primary));
        }

        return errors.Count == before ? normalised : null;
    }

    [GeneratedRegex("^[A-Z0-9](?:[A-Z0-9._-]*[A-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}
