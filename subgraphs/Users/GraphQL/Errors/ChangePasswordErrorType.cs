using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class ChangePasswordErrorType() : DomainErrorType("ChangePasswordError", "Why a password was not changed: INVALID_CURRENT_PASSWORD, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_WEAK, PASSWORD_UNCHANGED, TOO_MANY_ATTEMPTS, USER_NOT_FOUND.");
