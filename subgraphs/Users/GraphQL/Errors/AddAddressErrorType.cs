using Shop.GraphQL.Errors;
using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Addresses;

namespace Shop.Users.GraphQL.Errors;

public sealed class AddAddressErrorType() : DomainErrorType(
    "AddAddressError",
    "Why an address was not added.",
    AddressErrors.InvalidAddress,
    PhoneNumber.InvalidCode,
    AddressErrors.InvalidCountryCode,
    AddressErrors.LimitReached,
    IdErrors.NotFound);
