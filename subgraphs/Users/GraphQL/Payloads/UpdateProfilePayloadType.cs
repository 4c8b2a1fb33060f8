using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class UpdateProfilePayloadType() : UserPayloadType<UpdateProfileErrorType>("UpdateProfilePayload");
