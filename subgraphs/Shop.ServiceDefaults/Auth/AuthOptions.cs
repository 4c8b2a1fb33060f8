namespace Shop.ServiceDefaults.Auth;

/// <summary>The <c>Shop:Auth</c> section: where access tokens come from and what they must say.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Shop:Auth";

    /// <summary>The users service's JWKS, e.g. <c>http://localhost:5001/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUrl { get; set; }

    public string Issuer { get; set; } = "shop-users";

    public string Audience { get; set; } = "shop";

    /// <summary>Plain HTTP is only for loopback and private networks; production sets this.</summary>
    public bool RequireHttpsMetadata { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the fetched key set is used before it is fetched again.</summary>
    public TimeSpan KeyMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The shortest time between two fetches of the key set: a token with an unknown key id fetches
    /// it at once (the users service may have a new key), but no more often than this.
    /// </summary>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromSeconds(5);
}
