using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class RefreshTokenPayloadType() : SessionPayloadType<RefreshTokenErrorType>("RefreshTokenPayload", throttled: false);
