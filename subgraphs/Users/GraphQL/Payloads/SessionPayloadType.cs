using GraphQL.Types;
using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>
/// The fields of every payload that opens a session: the user, an access token with its expiry,
/// and the refresh token (single use) with its expiry; all null when <c>errors</c> is not empty.
/// </summary>
public abstract class SessionPayloadType<TErrorType>(string name, bool throttled) : PayloadType<IssuedSession, TErrorType>(name, payload =>
{
    payload.Field<UserType>("user").Resolve(context => context.Source.Entity?.User);
    payload.Field<StringGraphType>("accessToken")
        .Description("A bearer token for every Shop service, valid until expiresAt.")
        .Resolve(context => context.Source.Entity?.AccessToken);
    payload.Field<DateTimeGraphType>("expiresAt")
        .Description("When the access token expires.")
        .Resolve(context => context.Source.Entity?.AccessTokenExpiresAt.UtcDateTime);
    payload.Field<StringGraphType>("refreshToken")
        .Description("Exchange it once, with refreshToken, for a new pair; keep it secret.")
        .Resolve(context => context.Source.Entity?.RefreshToken);
    payload.Field<DateTimeGraphType>("refreshTokenExpiresAt").Resolve(context => context.Source.Entity?.RefreshTokenExpiresAt.UtcDateTime);
    if (throttled)
    {
        payload.Field<IntGraphType>("retryAfter")
            .Description("With TOO_MANY_ATTEMPTS: seconds to wait before trying again.")
            .Resolve(context => context.Source.RetryAfter is { } wait ? (int?)Math.Ceiling(wait.TotalSeconds) : null);
    }
})
    where TErrorType : DomainErrorType;
