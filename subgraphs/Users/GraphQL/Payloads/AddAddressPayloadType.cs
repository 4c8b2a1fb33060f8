using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class AddAddressPayloadType() : AddressPayloadType<AddAddressErrorType>("AddAddressPayload");
