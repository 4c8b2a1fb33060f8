using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shop.ServiceDefaults.Postgres;

/// <summary>How every Shop EF Core model meets PostgreSQL, at run time and for <c>dotnet ef</c> alike.</summary>
public static class ShopDbContextOptions
{
    /// <summary>Npgsql on <paramref name="dataSource"/>, tables, columns, keys and indexes named in snake_case.</summary>
    public static DbContextOptionsBuilder UseShopPostgres(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
        => options.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();

    /// <summary>The same for a design-time factory, which builds the model without a live database.</summary>
    public static DbContextOptionsBuilder<TContext> UseShopPostgres<TContext>(this DbContextOptionsBuilder<TContext> options, string connectionString)
        where TContext : DbContext
        => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
