using Shop.GraphQL.Errors;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

public sealed class RenameCategoryPayloadType() : PayloadType<CategoryType, Category, RenameCategoryErrorType>("RenameCategoryPayload", "category", "The renamed category; null when errors say why not.");

public sealed class RenameCategoryErrorType() : DomainErrorType("RenameCategoryError", "Why renameCategory refused: NOT_FOUND, INVALID_ID, INVALID_NAME.");
