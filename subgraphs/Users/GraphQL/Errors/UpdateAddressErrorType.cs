using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class UpdateAddressErrorType() : DomainErrorType("UpdateAddressError", "Why an address was not updated: INVALID_ID, ADDRESS_NOT_FOUND, INVALID_ADDRESS, INVALID_PHONE, INVALID_COUNTRY_CODE, USER_NOT_FOUND.");
