using Shop.GraphQL.Federation;
using Snapshooter.Xunit3;

namespace Shop.GraphQL.Tests;

public sealed class SchemaSdlTests(SampleHost sample) : IClassFixture<SampleHost>
{
    [Fact]
    public async Task PrintAsync_PrintsTheFederatedSubgraphSdl()
    {
        var sdl = await SchemaSdl.PrintAsync(sample.Host.Services);

        Assert.Contains("@link(url: \"https://specs.apollo.dev/federation/v2.3\"", sdl);
        Assert.Contains("type Author @key(fields: \"id\")", sdl);
        Snapshot.Match(sdl);
    }
}
