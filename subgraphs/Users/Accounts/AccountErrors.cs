using Shop.Domain;

namespace Shop.Users.Accounts;

public static class AccountErrors
{
    public const string InvalidName = "INVALID_NAME";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string InvalidCurrentPassword = "INVALID_CURRENT_PASSWORD";
    public const string PasswordUnchanged = "PASSWORD_UNCHANGED";

    public static DomainException NotFound() => new(new DomainError(IdErrors.NotFound, "The account does not exist."));
}
