using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Users.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class UsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<UsersDbContext>()
            .UseShopPostgres("Host=127.0.0.1;Port=55432;Username=postgres;Database=shop_users")
            .Options);
}
