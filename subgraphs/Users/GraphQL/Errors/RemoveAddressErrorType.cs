using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class RemoveAddressErrorType() : DomainErrorType("RemoveAddressError", "Why an address was not removed: INVALID_ID, ADDRESS_NOT_FOUND, USER_NOT_FOUND.");
