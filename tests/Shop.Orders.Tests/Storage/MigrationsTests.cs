using Shop.Orders.Data.Postgres;
using Shop.Testing.Postgres;

namespace Shop.Orders.Tests.Storage;

public sealed class MigrationsTests
{
    [Fact]
    public void Model_MatchesTheLastMigration()
        => Assert.False(Migrations.ModelDiffersFromLastMigration<OrdersDbContext>(options => new OrdersDbContext(options)), "The model differs from the last migration: add one.");
}
