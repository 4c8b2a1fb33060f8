namespace Shop.Users.Sessions;

public static class RevocationReasons
{
    public const string Logout = "logout";
    public const string Reuse = "reuse";
    public const string PasswordChange = "password-change";
}
