using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class UpdateProductPayloadType() : PayloadType<ProductType, Product, UpdateProductErrorType>("UpdateProductPayload", "product", "The product as changed; null when errors say why not.");

public sealed class UpdateProductErrorType() : DomainErrorType("UpdateProductError", "Why updateProduct refused.", ProductErrorCodes.Edit);
