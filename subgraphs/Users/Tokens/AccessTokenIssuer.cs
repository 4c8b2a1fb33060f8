using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Auth;
using Shop.Users.Data;

namespace Shop.Users.Tokens;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs short-lived access tokens with the claims every Shop service reads: sub, role, email, and the session (sid).</summary>
public sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> auth, IOptions<UsersOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<AccessToken> IssueAsync(User user, Guid sessionId, CancellationToken cancellationToken)
    {
        var signing = (await keys.GetAsync(cancellationToken)).Current;
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = now + options.Value.AccessTokenLifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [ShopClaims.Subject] = user.Id.ToString(),
                [ShopClaims.Role] = user.Role,
                [ShopClaims.Email] = user.Email,
                [ShopClaims.SessionId] = sessionId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = signing.Credentials,
        });
        return new AccessToken(token, expiresAt);
    }
}
