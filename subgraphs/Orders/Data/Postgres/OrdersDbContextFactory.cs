using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Orders.Data.Postgres;

/// <summary>For <c>dotnet ef migrations add</c>: the model only, no live database.</summary>
internal sealed class OrdersDbContextFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    public OrdersDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<OrdersDbContext>()
            .UseShopPostgres("Host=localhost;Database=shop_orders")
            .Options);
}
