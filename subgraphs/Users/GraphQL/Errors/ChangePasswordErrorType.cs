using Shop.GraphQL.Errors;
using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Errors;

public sealed class ChangePasswordErrorType() : DomainErrorType(
    "ChangePasswordError",
    "Why a password was not changed.",
    AccountErrors.InvalidCurrentPassword,
    PasswordPolicy.TooShort,
    PasswordPolicy.TooLong,
    PasswordPolicy.TooWeak,
    AccountErrors.PasswordUnchanged,
    SessionErrors.TooManyAttempts,
    IdErrors.NotFound);
