using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL.Payloads;

public sealed class CreateProductPayloadType() : PayloadType<ProductType, Product, CreateProductErrorType>("CreateProductPayload", "product", "The new product; null when errors say why not.");

/// <summary>INVALID_ID and NOT_FOUND concern <c>categoryIds</c> here.</summary>
public sealed class CreateProductErrorType() : DomainErrorType(
    "CreateProductError",
    "Why createProduct refused.",
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
