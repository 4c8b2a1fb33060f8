using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Domain;

namespace Shop.Products.GraphQL.Payloads;

public sealed class RenameCategoryPayloadType() : PayloadType<CategoryType, Category, RenameCategoryErrorType>("RenameCategoryPayload", "category", "The renamed category; null when errors say why not.");

public sealed class RenameCategoryErrorType() : DomainErrorType(
    "RenameCategoryError", "Why renameCategory refused.", IdErrors.Invalid, IdErrors.NotFound, CatalogErrors.InvalidName);
