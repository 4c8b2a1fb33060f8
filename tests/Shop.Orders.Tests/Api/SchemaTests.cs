using Shop.GraphQL.Federation;
using Snapshooter.Xunit3;

namespace Shop.Orders.Tests.Api;

public sealed class SchemaTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task Sdl_MatchesTheSnapshot()
    {
        var sdl = await SchemaSdl.PrintAsync(orders.Host.Services);

        Assert.Contains("type Order @key(fields: \"id\")", sdl);
        Assert.Contains("type Product @key(fields: \"id\", resolvable: false)", sdl);
        Snapshot.Match(sdl);
    }
}
