using Shop.Domain;

namespace Shop.Users.Sessions;

public static class SessionErrors
{
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string PasswordRequired = "PASSWORD_REQUIRED";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string RefreshTokenReused = "REFRESH_TOKEN_REUSED";
    public const string TooManyAttempts = "TOO_MANY_ATTEMPTS";

    public static DomainException InvalidCredentialsError()
        => new(new DomainError(InvalidCredentials, "The email or password is not correct."));

    public static DomainException InvalidRefreshTokenError()
        => new(new DomainError(InvalidRefreshToken, "The refresh token is invalid, expired or revoked; sign in again.", "refreshToken"));

    public static DomainException ReusedError()
        => new(new DomainError(RefreshTokenReused, "This refresh token was already used; the session is revoked as a precaution. Sign in again.", "refreshToken"));
}
