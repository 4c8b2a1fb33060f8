using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class LogoutErrorType() : DomainErrorType("LogoutError", "Why a sign-out failed: INVALID_REFRESH_TOKEN.");
