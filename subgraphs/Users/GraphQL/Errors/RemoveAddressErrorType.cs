using Shop.GraphQL.Errors;
using Shop.Domain;

namespace Shop.Users.GraphQL.Errors;

public sealed class RemoveAddressErrorType() : DomainErrorType(
    "RemoveAddressError",
    "Why an address was not removed.",
    IdErrors.Invalid,
    IdErrors.NotFound);
