using Shop.Products.Data;
using Shop.Testing.Postgres;

namespace Shop.Products.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void Model_MatchesTheLastMigration()
        => Assert.False(Migrations.ModelDiffersFromLastMigration<ProductsDbContext>(options => new ProductsDbContext(options)), "The model differs from the last migration: add one.");
}
