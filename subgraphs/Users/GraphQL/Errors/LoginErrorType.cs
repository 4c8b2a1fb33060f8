using Shop.GraphQL.Errors;
using Shop.Users.Accounts;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Errors;

public sealed class LoginErrorType() : DomainErrorType(
    "LoginError",
    "Why a sign-in failed; INVALID_CREDENTIALS is the same for an unknown email and a wrong password.",
    EmailAddress.InvalidCode,
    SessionErrors.PasswordRequired,
    SessionErrors.InvalidCredentials,
    SessionErrors.TooManyAttempts);
