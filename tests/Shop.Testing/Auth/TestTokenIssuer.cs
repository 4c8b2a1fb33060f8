using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Auth;

namespace Shop.Testing.Auth;

/// <summary>
/// Signs access tokens the way the users service does (RS256, Shop's issuer and audience) and
/// publishes the matching JWKS, for services tested without the users service in the loop.
/// It can also forge every kind of bad token a service must refuse.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    public TestTokenIssuer(string issuer = "shop-users", string audience = "shop")
    {
        Issuer = issuer;
        Audience = audience;
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The public key set, as the users service serves it at /.well-known/jwks.json.</summary>
    public string JwksJson
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        }
    }

    public string Customer(Guid? userId = null) => Token(userId ?? Guid.NewGuid(), Roles.Customer);

    public string Admin(Guid? userId = null) => Token(userId ?? Guid.NewGuid(), Roles.Admin);

    public string Token(Guid userId, string role, TimeSpan? lifetime = null, string? issuer = null, string? audience = null, DateTime? now = null)
        => Sign(_key, userId, role, lifetime, issuer, audience, now);

    /// <summary>A token that expired a while ago.</summary>
    public string Expired(Guid userId) => Token(userId, Roles.Customer, TimeSpan.FromMinutes(5), now: DateTime.UtcNow.AddHours(-1));

    /// <summary>A token with this issuer's key id, signed by a different key.</summary>
    public string WronglySigned(Guid userId)
    {
        using var other = RSA.Create(2048);
        return Sign(new RsaSecurityKey(other) { KeyId = _key.KeyId }, userId, Roles.Customer, null, null, null, null);
    }

    /// <summary>
    /// The algorithm-confusion forgery: HS256 with this issuer's public key (as published) as the
    /// HMAC secret, which a validator that trusts the header's alg would accept.
    /// </summary>
    public string Hs256WithPublicKey(Guid userId, string role = Roles.Admin)
    {
        var secret = new SymmetricSecurityKey(_rsa.ExportSubjectPublicKeyInfo()) { KeyId = _key.KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Claims = new Dictionary<string, object> { [ShopClaims.Subject] = userId.ToString(), [ShopClaims.Role] = role },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token with <c>alg: none</c>.</summary>
    public string Unsigned(Guid userId, string role = Roles.Admin)
    {
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "none", typ = "JWT" }));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(), ["role"] = role, ["iss"] = Issuer, ["aud"] = Audience, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
        }));
        return $"{header}.{payload}.";
    }

    private string Sign(SecurityKey key, Guid userId, string role, TimeSpan? lifetime, string? issuer, string? audience, DateTime? now)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromMinutes(15)),
            Claims = new Dictionary<string, object>
            {
                [ShopClaims.Subject] = userId.ToString(),
                [ShopClaims.Role] = role,
                [ShopClaims.Email] = $"{userId:N}@example.test",
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    public void Dispose() => _rsa.Dispose();
}
