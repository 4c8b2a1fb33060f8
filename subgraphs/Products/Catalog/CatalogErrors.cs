namespace Shop.Products.Catalog;

/// <summary>
/// The stable codes of catalog refusals; clients branch on them. A bad or unknown product or category
/// id is one of <see cref="Shop.Domain.IdErrors"/>.
/// </summary>
public static class CatalogErrors
{
    public const string InvalidSku = "INVALID_SKU";
    public const string SkuTaken = "SKU_TAKEN";
    public const string InvalidName = "INVALID_NAME";
    public const string InvalidDescription = "INVALID_DESCRIPTION";
    public const string InvalidPrice = "INVALID_PRICE";
    public const string TooManyCategories = "TOO_MANY_CATEGORIES";
    public const string InvalidImages = "INVALID_IMAGES";
    public const string InvalidImageUrl = "INVALID_IMAGE_URL";
    public const string InvalidAltText = "INVALID_ALT_TEXT";
    public const string InvalidSlug = "INVALID_SLUG";
    public const string SlugTaken = "SLUG_TAKEN";
}
