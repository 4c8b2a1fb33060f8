using Microsoft.EntityFrameworkCore;

namespace Shop.ServiceDefaults.Postgres;

/// <summary>
/// Data a service needs in its database from the start (an admin account, a demo catalog). Runs
/// at start-up right after <typeparamref name="TContext"/>'s migrations, in the same unit, so it
/// always finds the tables; it must be safe to run on every start.
/// </summary>
public interface IDbSeeder<in TContext>
    where TContext : DbContext
{
    Task SeedAsync(TContext context, CancellationToken cancellationToken);
}
