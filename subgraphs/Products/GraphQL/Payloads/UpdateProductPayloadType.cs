using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL.Payloads;

public sealed class UpdateProductPayloadType() : PayloadType<ProductType, Product, UpdateProductErrorType>("UpdateProductPayload", "product", "The product as changed; null when errors say why not.");

public sealed class UpdateProductErrorType() : DomainErrorType(
    "UpdateProductError",
    "Why updateProduct refused.",
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
    IdErrors.NotFound);
