using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>What a sign-in hands the client: a short-lived access token and the refresh token that renews it.</summary>
public sealed record IssuedSession(
    User User,
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
