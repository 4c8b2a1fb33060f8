using System.Security.Claims;
using Shop.GraphQL.Execution;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Sessions;

/// <summary>The error that ends (or refuses) a subscription whose sign-in session has ended.</summary>
public static class SessionEnded
{
    public const string Code = "SESSION_ENDED";

    public const string Message = "The session was logged out, so the subscription ended; sign in again and subscribe with the new token.";

    public static ExecutionResult Result() => GraphQLExecutor.RequestError(Code, Message);

    /// <summary>The session the caller's token belongs to; null for anonymous callers and tokens issued before sessions were named.</summary>
    public static string? SessionOf(ClaimsPrincipal? user)
        => user?.Identity?.IsAuthenticated == true ? user.FindFirst(ShopClaims.SessionId)?.Value : null;
}
