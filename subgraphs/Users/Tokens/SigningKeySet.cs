using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Shop.Users.Tokens;

/// <summary>The keys in force: the newest signs, all of them validate and are published.</summary>
public sealed class SigningKeySet
{
    public SigningKeySet(IReadOnlyList<SigningKey> keys, string issuer)
    {
        Keys = keys;
        Current = keys[0];
        JwksJson = SigningKey.JwksJson(keys);
        Configuration = new OpenIdConnectConfiguration { Issuer = issuer };
        foreach (var key in keys)
        {
            Configuration.SigningKeys.Add(key.PublicKey);
        }
    }

    public IReadOnlyList<SigningKey> Keys { get; }

    public SigningKey Current { get; }

    public string JwksJson { get; }

    /// <summary>The shape the JWT bearer handler reads validation keys from.</summary>
    public OpenIdConnectConfiguration Configuration { get; }
}
