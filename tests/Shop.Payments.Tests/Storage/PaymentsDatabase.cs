using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Shop.Payments.Data.Postgres;
using Shop.ServiceDefaults.Postgres;
using Shop.Testing.Postgres;

namespace Shop.Payments.Tests.Storage;

/// <summary>A fresh payments database with the checked-in migrations applied.</summary>
public class PaymentsDatabase : PostgresDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public PaymentsDbContext CreateContext() => new(Options());

    /// <summary>Pooled contexts, as the service gets them.</summary>
    public IDbContextFactory<PaymentsDbContext> CreateContextFactory() => new PooledDbContextFactory<PaymentsDbContext>(Options());

    private DbContextOptions<PaymentsDbContext> Options()
        => new DbContextOptionsBuilder<PaymentsDbContext>().UseShopPostgres(ConnectionString).Options;
}
