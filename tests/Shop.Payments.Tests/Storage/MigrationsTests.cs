using Shop.Payments.Data.Postgres;
using Shop.Testing.Postgres;

namespace Shop.Payments.Tests.Storage;

public sealed class MigrationsTests
{
    [Fact]
    public void Model_MatchesTheLastMigration()
        => Assert.False(Migrations.ModelDiffersFromLastMigration<PaymentsDbContext>(options => new PaymentsDbContext(options)), "The model differs from the last migration: add one.");
}
