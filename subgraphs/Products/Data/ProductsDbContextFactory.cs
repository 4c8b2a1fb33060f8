using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Products.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class ProductsDbContextFactory : IDesignTimeDbContextFactory<ProductsDbContext>
{
    public ProductsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<ProductsDbContext>()
            .UseShopPostgres("Host=127.0.0.1;Port=55432;Username=postgres;Database=shop_products")
            .Options);
}
