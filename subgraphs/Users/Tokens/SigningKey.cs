using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Users.Tokens;

/// <summary>
/// One token-signing key: RSA (RS256) or EC P-256 (ES256). Its key id is the RFC 7638 thumbprint
/// of the public key, so the same key always has the same id wherever it is loaded.
/// </summary>
public sealed class SigningKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private SigningKey(SecurityKey privateKey, SecurityKey publicKey, JsonWebKey publicJwk, string algorithm)
    {
        KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        privateKey.KeyId = KeyId;
        publicKey.KeyId = KeyId;
        Credentials = new SigningCredentials(privateKey, algorithm);
        PublicKey = publicKey;
        Algorithm = algorithm;
        Jwk = algorithm == SecurityAlgorithms.RsaSha256
            ? new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = algorithm, ["kid"] = KeyId, ["n"] = publicJwk.N, ["e"] = publicJwk.E }
            : new Dictionary<string, string> { ["kty"] = "EC", ["use"] = "sig", ["alg"] = algorithm, ["kid"] = KeyId, ["crv"] = "P-256", ["x"] = publicJwk.X, ["y"] = publicJwk.Y };
    }

    public string KeyId { get; }

    public string Algorithm { get; }

    public SigningCredentials Credentials { get; }

    public SecurityKey PublicKey { get; }

    /// <summary>The public half as a JWK, as /.well-known/jwks.json lists it.</summary>
    public IReadOnlyDictionary<string, string> Jwk { get; }

    public string PrivateKeyPem { get; private init; } = string.Empty;

    /// <summary>A new RSA 2048 key.</summary>
    public static SigningKey Generate()
    {
        using var rsa = RSA.Create(2048);
        return FromPem(rsa.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Reads a PEM private key: RSA of at least 2048 bits, or EC on P-256.</summary>
    public static SigningKey FromPem(string pem)
    {
        if (!pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The signing key must be a PEM private key (RSA or EC P-256).");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                throw new InvalidOperationException("An RSA signing key must have at least 2048 bits.");
            }

            var publicRsa = new RsaSecurityKey(rsa.ExportParameters(false));
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicRsa);
            return new SigningKey(new RsaSecurityKey(rsa), publicRsa, jwk, SecurityAlgorithms.RsaSha256) { PrivateKeyPem = pem };
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            var parameters = ecdsa.ExportParameters(false);
            if (parameters.Curve.Oid.Value != P256Oid && parameters.Curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new InvalidOperationException("An EC signing key must be on the P-256 curve (ES256).");
            }

            var publicEc = new ECDsaSecurityKey(ECDsa.Create(parameters));
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(publicEc);
            return new SigningKey(new ECDsaSecurityKey(ecdsa), publicEc, jwk, SecurityAlgorithms.EcdsaSha256) { PrivateKeyPem = pem };
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException("The signing key is neither an RSA nor an EC P-256 PEM private key.", exception);
        }
    }

    /// <summary>The JWKS document of <paramref name="keys"/>.</summary>
    public static string JwksJson(IEnumerable<SigningKey> keys)
        => JsonSerializer.Serialize(new { keys = keys.Select(key => key.Jwk).ToArray() });
}
