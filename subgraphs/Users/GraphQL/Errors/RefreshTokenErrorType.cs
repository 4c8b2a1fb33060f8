using Shop.GraphQL.Errors;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Errors;

public sealed class RefreshTokenErrorType() : DomainErrorType(
    "RefreshTokenError",
    "Why a refresh failed: INVALID_REFRESH_TOKEN when unknown, expired or revoked; REFRESH_TOKEN_REUSED when already used (the session is now revoked).",
    SessionErrors.InvalidRefreshToken,
    SessionErrors.RefreshTokenReused);
