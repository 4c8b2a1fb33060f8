using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class RefreshTokenErrorType() : DomainErrorType("RefreshTokenError", "Why a refresh failed: INVALID_REFRESH_TOKEN (unknown, expired or revoked), REFRESH_TOKEN_REUSED (already used; the session is now revoked).");
