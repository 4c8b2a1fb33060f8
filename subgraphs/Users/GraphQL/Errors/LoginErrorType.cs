using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class LoginErrorType() : DomainErrorType("LoginError", "Why a sign-in failed: INVALID_EMAIL, PASSWORD_REQUIRED, INVALID_CREDENTIALS (the same for an unknown email and a wrong password), TOO_MANY_ATTEMPTS.");
