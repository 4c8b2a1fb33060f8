using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class CreateProductPayloadType() : PayloadType<ProductType, Product, CreateProductErrorType>("CreateProductPayload", "product", "The new product; null when errors say why not.");

/// <summary>INVALID_ID and NOT_FOUND concern <c>categoryIds</c> here.</summary>
public sealed class CreateProductErrorType() : DomainErrorType("CreateProductError", "Why createProduct refused.", ProductErrorCodes.Edit);
