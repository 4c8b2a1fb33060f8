using Shop.GraphQL.Errors;
using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Addresses;

namespace Shop.Users.GraphQL.Errors;

public sealed class UpdateAddressErrorType() : DomainErrorType(
    "UpdateAddressError",
    "Why an address was not updated.",
    IdErrors.Invalid,
    IdErrors.NotFound,
    AddressErrors.InvalidAddress,
    PhoneNumber.InvalidCode,
    AddressErrors.InvalidCountryCode);
