using System.Security.Claims;

namespace Shop.ServiceDefaults.Auth;

/// <summary>The signed-in user behind a request.</summary>
public sealed record Caller(Guid UserId, string Role, string? Email)
{
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>True for the admin, or for the user who owns the thing.</summary>
    public bool CanAccess(Guid ownerId) => IsAdmin || UserId == ownerId;

    /// <summary>The caller of an authenticated principal; null for anonymous or malformed identities.</summary>
    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirst(ShopClaims.Subject)?.Value, out var userId))
        {
            return null;
        }

        var role = principal.FindFirst(ShopClaims.Role)?.Value;
        if (role is not (Roles.Customer or Roles.Admin))
        {
            return null;
        }

        return new Caller(userId, role, principal.FindFirst(ShopClaims.Email)?.Value);
    }
}
