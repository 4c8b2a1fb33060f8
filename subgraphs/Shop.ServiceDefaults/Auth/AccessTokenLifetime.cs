using System.Globalization;
using System.Security.Claims;

namespace Shop.ServiceDefaults.Auth;

public static class AccessTokenLifetime
{
    /// <summary>When the caller's access token expires (its <c>exp</c> claim); null for anonymous callers.</summary>
    public static DateTimeOffset? ExpiresAt(this ClaimsPrincipal? principal)
        => principal?.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Time left on the caller's token, never negative; null for anonymous callers.</summary>
    public static TimeSpan? Remaining(this ClaimsPrincipal? principal, TimeProvider clock)
        => principal.ExpiresAt() is { } at ? TimeSpan.FromTicks(Math.Max(0, (at - clock.GetUtcNow()).Ticks)) : null;
}
