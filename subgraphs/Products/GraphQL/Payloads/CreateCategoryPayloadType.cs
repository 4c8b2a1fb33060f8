using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Catalog;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class CreateCategoryPayloadType() : PayloadType<CategoryType, Category, CreateCategoryErrorType>("CreateCategoryPayload", "category", "The new category; null when errors say why not.");

public sealed class CreateCategoryErrorType() : DomainErrorType(
    "CreateCategoryError", "Why createCategory refused.", CatalogErrors.InvalidSlug, CatalogErrors.SlugTaken, CatalogErrors.InvalidName);
