using Shop.GraphQL.Federation;
using Snapshooter.Xunit3;

namespace Shop.Users.Tests;

public sealed class SchemaSdlTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task PrintAsync_PrintsTheUsersSubgraphSdl()
    {
        var sdl = await SchemaSdl.PrintAsync(users.Host.Services);

        Assert.Contains("type User @key(fields: \"id\")", sdl);
        Assert.DoesNotContain("passwordHash", sdl, StringComparison.OrdinalIgnoreCase);
        Snapshot.Match(sdl);
    }
}
