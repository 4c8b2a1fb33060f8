using Shop.GraphQL.Errors;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class UpdateProductPayloadType() : PayloadType<ProductType, Product, UpdateProductErrorType>("UpdateProductPayload", "product", "The product as changed; null when errors say why not.");

public sealed class UpdateProductErrorType() : DomainErrorType("UpdateProductError", "Why updateProduct refused: NOT_FOUND, INVALID_ID and the codes of createProduct.");
