using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Shop.Orders.Data.Postgres;
using Shop.ServiceDefaults.Postgres;
using Shop.Testing.Postgres;

namespace Shop.Orders.Tests.Storage;

/// <summary>A fresh orders database with the checked-in migrations applied.</summary>
public class OrdersDatabase : PostgresDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public OrdersDbContext CreateContext() => new(Options());

    /// <summary>Pooled contexts, as the service gets them.</summary>
    public IDbContextFactory<OrdersDbContext> CreateContextFactory() => new PooledDbContextFactory<OrdersDbContext>(Options());

    private DbContextOptions<OrdersDbContext> Options()
        => new DbContextOptionsBuilder<OrdersDbContext>().UseShopPostgres(ConnectionString).Options;
}
