namespace Shop.ServiceDefaults.Auth;

public static class Roles
{
    public const string Customer = "CUSTOMER";
    public const string Admin = "ADMIN";
}
