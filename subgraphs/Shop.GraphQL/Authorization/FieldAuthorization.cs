using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Authorization;

/// <summary>Authorization checks for resolvers; each failure is a field error with a stable code.</summary>
public static class FieldAuthorization
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The signed-in caller, or null for an anonymous request.</summary>
    public static Caller? GetCaller(this IResolveFieldContext context) => Caller.From(context.User);

    /// <summary>The signed-in caller; anonymous requests fail with <c>UNAUTHENTICATED</c>.</summary>
    public static Caller RequireCaller(this IResolveFieldContext context)
        => context.GetCaller() ?? throw new ExecutionError("You must be signed in.") { Code = Unauthenticated };

    /// <summary>The caller, who must have <paramref name="role"/>; others fail with <c>FORBIDDEN</c>.</summary>
    public static Caller RequireRole(this IResolveFieldContext context, string role)
    {
        var caller = context.RequireCaller();
        return caller.Role == role ? caller : throw ForbiddenError();
    }

    /// <summary>The caller, who must be an admin.</summary>
    public static Caller RequireAdmin(this IResolveFieldContext context) => context.RequireRole(Roles.Admin);

    /// <summary>The caller, who must own the thing (<paramref name="ownerId"/>) or be an admin.</summary>
    public static Caller RequireOwnerOrAdmin(this IResolveFieldContext context, Guid ownerId)
    {
        var caller = context.RequireCaller();
        return caller.CanAccess(ownerId) ? caller : throw ForbiddenError();
    }

    public static ExecutionError ForbiddenError() => new("You are not allowed to do this.") { Code = Forbidden };
}
