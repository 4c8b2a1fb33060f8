using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class RegisterErrorType() : DomainErrorType("RegisterError", "Why an account was not created: INVALID_EMAIL, EMAIL_TAKEN, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_WEAK, INVALID_NAME, INVALID_PHONE, TOO_MANY_ATTEMPTS.");
