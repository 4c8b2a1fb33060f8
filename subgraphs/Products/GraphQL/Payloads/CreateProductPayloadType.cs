using Shop.GraphQL.Errors;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class CreateProductPayloadType() : PayloadType<ProductType, Product, CreateProductErrorType>("CreateProductPayload", "product", "The new product; null when errors say why not.");

public sealed class CreateProductErrorType() : DomainErrorType("CreateProductError", "Why createProduct refused: INVALID_SKU, SKU_TAKEN, INVALID_NAME, INVALID_DESCRIPTION, INVALID_PRICE, CATEGORY_NOT_FOUND, TOO_MANY_CATEGORIES, INVALID_IMAGES, INVALID_IMAGE_URL, INVALID_ALT_TEXT, INVALID_ID.");
