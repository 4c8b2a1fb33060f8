using Shop.GraphQL.Errors;
using Shop.Users.Accounts;

namespace Shop.Users.GraphQL.Errors;

public sealed class RegisterErrorType() : DomainErrorType(
    "RegisterError",
    "Why an account was not created.",
    EmailAddress.InvalidCode,
    AccountErrors.EmailTaken,
    PasswordPolicy.TooShort,
    PasswordPolicy.TooLong,
    PasswordPolicy.TooWeak,
    AccountErrors.InvalidName,
    PhoneNumber.InvalidCode);
