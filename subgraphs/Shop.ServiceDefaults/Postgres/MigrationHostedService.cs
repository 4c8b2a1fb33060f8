using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Postgres;

/// <summary>
/// Prepares one database before the service takes requests: its migrations (unless turned off),
/// then its seeders, in that order and in one scope.
/// </summary>
internal sealed class MigrationHostedService<TContext>(IServiceProvider services, bool migrate, ILogger<MigrationHostedService<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        if (migrate)
        {
            // MigrateAsync creates the database when missing, takes a lock against concurrent
            // instances, and does nothing when the schema is current.
            logger.LogInformation("Migrating {Context}", typeof(TContext).Name);
            await context.Database.MigrateAsync(cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDbSeeder<TContext>>())
        {
            await seeder.SeedAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
