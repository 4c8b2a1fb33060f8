using GraphQL.Types;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>
/// The fields of every payload that opens a session: the user, an access token with its expiry,
/// and the refresh token (single use) with its expiry; all null when <c>errors</c> is not empty.
/// </summary>
public abstract class SessionPayloadType<TErrorType> : ObjectGraphType<SessionPayload>
    where TErrorType : IGraphType
{
    protected SessionPayloadType(string name, bool throttled)
    {
        Name = name;
        Field<UserType>("user").Resolve(context => context.Source.Session?.User);
        Field<StringGraphType>("accessToken")
            .Description("A bearer token for every Shop service, valid until expiresAt.")
            .Resolve(context => context.Source.Session?.AccessToken);
        Field<DateTimeGraphType>("expiresAt")
            .Description("When the access token expires.")
            .Resolve(context => context.Source.Session?.AccessTokenExpiresAt.UtcDateTime);
        Field<StringGraphType>("refreshToken")
            .Description("Exchange it once, with refreshToken, for a new pair; keep it secret.")
            .Resolve(context => context.Source.Session?.RefreshToken);
        Field<DateTimeGraphType>("refreshTokenExpiresAt").Resolve(context => context.Source.Session?.RefreshTokenExpiresAt.UtcDateTime);
        if (throttled)
        {
            Field<IntGraphType>("retryAfter")
                .Description("With TOO_MANY_ATTEMPTS: seconds to wait before trying again.")
                .Resolve(context => context.Source.RetryAfter);
        }

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorType>>>>("errors").Resolve(context => context.Source.Errors);
    }
}
