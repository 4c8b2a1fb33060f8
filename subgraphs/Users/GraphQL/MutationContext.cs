using Shop.GraphQL.Resolvers;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL;

internal static class MutationContext
{
    /// <summary>The client's throttle key, from the connection (or a trusted proxy's X-Forwarded-For).</summary>
    public static string ClientAddressKey(this IResolveFieldContext context)
        => ClientAddress.Of(context.Service<IHttpContextAccessor>().HttpContext);
}
