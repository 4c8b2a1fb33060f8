using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class UpdateAddressPayloadType() : AddressPayloadType<UpdateAddressErrorType>("UpdateAddressPayload");
