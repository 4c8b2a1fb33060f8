using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Data;
using Shop.Domain;

namespace Shop.Products.GraphQL.Payloads;

public sealed class ArchiveProductPayloadType() : PayloadType<ProductType, Product, ArchiveProductErrorType>("ArchiveProductPayload", "product", "The archived product; null when errors say why not.");

public sealed class ArchiveProductErrorType() : DomainErrorType("ArchiveProductError", "Why archiveProduct refused.", IdErrors.Invalid, IdErrors.NotFound);
