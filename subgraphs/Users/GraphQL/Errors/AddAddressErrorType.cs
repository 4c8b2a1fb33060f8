using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class AddAddressErrorType() : DomainErrorType("AddAddressError", "Why an address was not added: INVALID_ADDRESS, INVALID_PHONE, INVALID_COUNTRY_CODE, ADDRESS_LIMIT_REACHED, USER_NOT_FOUND.");
