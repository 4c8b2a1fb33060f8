using Shop.GraphQL.Federation;
using Snapshooter.Xunit3;

namespace Shop.Products.Tests;

public sealed class SchemaSdlTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    [Fact]
    public async Task PrintAsync_PrintsTheFederatedProductsSubgraph()
    {
        var sdl = await SchemaSdl.PrintAsync(products.Host.Services);

        Assert.Contains("type Product @key(fields: \"id\")", sdl);
        Assert.Contains("type Category @key(fields: \"id\")", sdl);
        Snapshot.Match(sdl);
    }
}
