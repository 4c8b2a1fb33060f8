using Shop.Users.Data;
using Shop.Testing.Postgres;

namespace Shop.Users.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void Model_MatchesTheLastMigration()
        => Assert.False(Migrations.ModelDiffersFromLastMigration<UsersDbContext>(options => new UsersDbContext(options)), "The model differs from the last migration: add one.");
}
