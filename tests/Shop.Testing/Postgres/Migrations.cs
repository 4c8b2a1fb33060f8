using Microsoft.EntityFrameworkCore;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Testing.Postgres;

/// <summary>The checked-in migrations against the model the service builds at run time.</summary>
public static class Migrations
{
    /// <summary>
    /// Whether the model (with Shop's naming and conventions) differs from the last migration's
    /// snapshot: a change to an entity or a convention that would alter the schema without a migration.
    /// </summary>
    public static bool ModelDiffersFromLastMigration<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>().UseShopPostgres("Host=model-only").Options;
        using var context = create(options);
        return context.Database.HasPendingModelChanges();
    }
}
