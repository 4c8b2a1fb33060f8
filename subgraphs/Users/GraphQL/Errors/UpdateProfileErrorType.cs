using Shop.GraphQL.Errors;
using Shop.Domain;
using Shop.Users.Accounts;

namespace Shop.Users.GraphQL.Errors;

public sealed class UpdateProfileErrorType() : DomainErrorType(
    "UpdateProfileError",
    "Why a profile was not updated.",
    AccountErrors.InvalidName,
    PhoneNumber.InvalidCode,
    IdErrors.NotFound);
