using GraphQL.Types;
using Shop.ServiceDefaults.Auth;

namespace Shop.Users.GraphQL;

public sealed class RoleType : EnumerationGraphType
{
    public RoleType()
    {
        Name = "Role";
        Add("CUSTOMER", Roles.Customer, "Shops for themselves.");
        Add("ADMIN", Roles.Admin, "Runs the shop: reads every account and order.");
    }
}
