using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Users.Tokens;

namespace Shop.Users.Tests;

/// <summary>Tokens the users service must refuse, made with (or against) its own key.</summary>
public static class ForgedTokens
{
    /// <summary>Signed with the service's real key, but expired an hour ago.</summary>
    public static string Expired(SigningKey key, Guid userId)
        => Sign(key.Credentials, userId, "ADMIN", DateTime.UtcNow.AddHours(-2));

    /// <summary>The service's key id and claims, signed by some other RSA key.</summary>
    public static string WronglySigned(SigningKey key, Guid userId)
    {
        using var other = RSA.Create(2048);
        return Sign(new SigningCredentials(new RsaSecurityKey(other) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256), userId, "ADMIN", DateTime.UtcNow);
    }

    /// <summary>Unsigned, <c>alg: none</c>, claiming to be an admin.</summary>
    public static string Unsigned(SigningKey key, Guid userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = key.KeyId });
        var payload = Encode(new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(), ["role"] = "ADMIN", ["iss"] = "shop-users", ["aud"] = "shop", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
        });
        return $"{header}.{payload}.";
    }

    private static string Sign(SigningCredentials credentials, Guid userId, string role, DateTime issuedAt)
        => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "shop-users",
            Audience = "shop",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddMinutes(15),
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = role, ["email"] = "forged@example.test" },
            SigningCredentials = credentials,
        });

    private static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
