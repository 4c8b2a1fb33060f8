using Shop.Testing.GraphQL;

namespace Shop.Users.Tests;

public sealed class ParallelRootFieldsTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task EveryPairOfRootFields_InOneDocument_AnswersWithoutUnexpectedErrors()
    {
        var admin = await users.AdminAsync();

        var failures = await RootFieldPairs.FailuresAsync(users.Host.Services, () => users.Client(admin.AccessToken));

        Assert.Empty(failures);
    }
}
