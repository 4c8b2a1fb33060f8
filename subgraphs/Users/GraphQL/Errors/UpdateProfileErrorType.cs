using Shop.GraphQL.Errors;

namespace Shop.Users.GraphQL.Errors;

public sealed class UpdateProfileErrorType() : DomainErrorType("UpdateProfileError", "Why a profile was not updated: INVALID_NAME, INVALID_PHONE, USER_NOT_FOUND.");
