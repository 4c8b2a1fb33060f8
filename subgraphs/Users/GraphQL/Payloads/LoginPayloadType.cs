using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class LoginPayloadType() : SessionPayloadType<LoginErrorType>("LoginPayload", throttled: true);
