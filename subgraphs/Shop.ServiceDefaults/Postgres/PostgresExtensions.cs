using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.ServiceDefaults.Health;

namespace Shop.ServiceDefaults.Postgres;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers the service's PostgreSQL database from <c>ConnectionStrings:{name}</c>: one pooled
    /// <see cref="NpgsqlDataSource"/>, and a readiness check against it.
    /// </summary>
    public static NpgsqlDataSource AddShopPostgres(this IServiceCollection services, IConfiguration configuration, string name)
    {
        var connectionString = configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = name }.Build();
        services.AddSingleton(dataSource);
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"postgres-{name}", tags: [HealthEndpoints.Ready]);
        return dataSource;
    }

    /// <summary>
    /// <see cref="AddShopPostgres"/> plus pooled EF Core contexts on that data source (names in
    /// snake_case, see <see cref="ShopDbContextOptions"/>), migrated at start-up unless
    /// <c>Shop:Database:MigrateOnStartup</c> is false, then seeded by its <see cref="IDbSeeder{TContext}"/>s. A context allows one operation
    /// at a time, so code that runs concurrently within a request (GraphQL resolvers of parallel root
    /// fields, DataLoader batches) takes its own from <see cref="IDbContextFactory{TContext}"/>; the
    /// scoped <typeparamref name="TContext"/> is for code that runs one operation at a time.
    /// </summary>
    public static IServiceCollection AddShopDbContext<TContext>(
        this IServiceCollection services, IConfiguration configuration, string name, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var dataSource = services.AddShopPostgres(configuration, name);
        services.AddPooledDbContextFactory<TContext>(options =>
        {
            options.UseShopPostgres(dataSource);
            configure?.Invoke(options);
        });
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        var migrate = configuration.GetValue("Shop:Database:MigrateOnStartup", true);
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<MigrationHostedService<TContext>>(provider, migrate));
        return services;
    }

    /// <summary>
    /// <see cref="AddShopDbContext{TContext}"/> with <typeparamref name="TSeeder"/> run right after the
    /// migrations, as one unit: the seeder never depends on the order hosted services were added in.
    /// </summary>
    public static IServiceCollection AddShopDbContext<TContext, TSeeder>(
        this IServiceCollection services, IConfiguration configuration, string name, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSeeder : class, IDbSeeder<TContext>
    {
        services.AddScoped<IDbSeeder<TContext>, TSeeder>();
        return services.AddShopDbContext<TContext>(configuration, name, configure);
    }
}
