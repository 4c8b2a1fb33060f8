using Shop.GraphQL.Errors;
using Shop.Domain;

namespace Shop.Users.GraphQL.Errors;

public sealed class SetDefaultAddressErrorType() : DomainErrorType(
    "SetDefaultAddressError",
    "Why the default address was not changed.",
    IdErrors.Invalid,
    IdErrors.NotFound);
