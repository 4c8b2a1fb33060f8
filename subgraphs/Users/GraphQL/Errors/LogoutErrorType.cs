using Shop.GraphQL.Errors;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Errors;

public sealed class LogoutErrorType() : DomainErrorType(
    "LogoutError",
    "Why a sign-out failed.",
    SessionErrors.InvalidRefreshToken);
