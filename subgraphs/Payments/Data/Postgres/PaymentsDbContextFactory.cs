using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Payments.Data.Postgres;

/// <summary>For <c>dotnet ef migrations add</c>: the model only, no live database.</summary>
internal sealed class PaymentsDbContextFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PaymentsDbContext>()
            .UseShopPostgres("Host=localhost;Database=shop_payments")
            .Options);
}
