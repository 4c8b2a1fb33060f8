using Shop.Products.Catalog;
using Shop.Domain;

namespace Shop.Products.GraphQL.Payloads;

/// <summary>The codes of creating and of changing a product (for updateProduct, INVALID_ID and NOT_FOUND may also concern <c>id</c>).</summary>
internal static class ProductErrorCodes
{
    public static readonly string[] Edit =
    [
        CatalogErrors.InvalidSku,
        CatalogErrors.SkuTaken,
        CatalogErrors.InvalidName,
        CatalogErrors.InvalidDescription,
        CatalogErrors.InvalidPrice,
        CatalogErrors.TooManyCategories,
        CatalogErrors.InvalidImages,
        CatalogErrors.InvalidImageUrl,
        CatalogErrors.InvalidAltText,
        IdErrors.Invalid,
        IdErrors.NotFound,
    ];
}
