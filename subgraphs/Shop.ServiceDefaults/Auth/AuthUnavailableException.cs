namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// A token could not be checked because the users service's signing keys could not be fetched: the
/// caller is not at fault, and should try again (503 over HTTP, 1011 over WebSocket), not sign in again.
/// </summary>
public sealed class AuthUnavailableException(Exception inner)
    : Exception("The signing keys of the users service could not be fetched.", inner)
{
    private const string ItemKey = "Shop.AuthUnavailable";

    /// <summary>True when the exception, or one it wraps, is a failure to reach the key set.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or IOException or TimeoutException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks a request whose bearer token could not be checked for this reason.</summary>
    public static void Mark(Microsoft.AspNetCore.Http.HttpContext context) => context.Items[ItemKey] = true;

    /// <summary>Whether <see cref="Mark"/> was called for this request.</summary>
    public static bool WasMarked(Microsoft.AspNetCore.Http.HttpContext context) => context.Items.ContainsKey(ItemKey);
}
