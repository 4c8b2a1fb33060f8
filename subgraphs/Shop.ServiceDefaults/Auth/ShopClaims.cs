namespace Shop.ServiceDefaults.Auth;

/// <summary>Claim names of Shop access tokens, kept as JWT spells them (inbound mapping is off).</summary>
public static class ShopClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";

    /// <summary>
    /// The sign-in session (refresh-token family) a token was issued for, so a service holding the
    /// token for long (a subscription) can end when that session is logged out. Older tokens lack it.
    /// </summary>
    public const string SessionId = "sid";
}
