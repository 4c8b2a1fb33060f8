using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class ChangePasswordPayloadType() : SessionPayloadType<ChangePasswordErrorType>("ChangePasswordPayload", throttled: true);
