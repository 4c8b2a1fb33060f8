using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class SetDefaultAddressErrorType() : DomainErrorType("SetDefaultAddressError", "Why the default address was not changed: INVALID_ID, ADDRESS_NOT_FOUND, USER_NOT_FOUND.");
