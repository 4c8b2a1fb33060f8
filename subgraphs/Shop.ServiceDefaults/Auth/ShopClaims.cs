namespace Shop.ServiceDefaults.Auth;

/// <summary>Claim names of Shop access tokens, kept as JWT spells them (inbound mapping is off).</summary>
public static class ShopClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
}
