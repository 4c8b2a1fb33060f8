namespace Shop.Products.Tests;

/// <summary>
/// A product list fetches what its selection set asks for: the count rides in the page's own
/// statement, and is left out with the stock join when the query does not ask for them, wherever
/// in fragments they are asked.
/// </summary>
public sealed class PageShapeTests(RoundTripFixture fixture) : IClassFixture<RoundTripFixture>
{
    [Fact]
    public async Task Products_WithTotalCount_CountsInThePagesOwnStatement()
    {
        var client = fixture.Anonymous();
        fixture.Commands.Reset();

        var connection = (await client.PostAsync("{ products(first: 5) { totalCount edges { node { sku } } } }")).Field("products");

        Assert.Equal(50, connection.GetProperty("totalCount").GetInt32());
        Assert.Equal(5, connection.Skus().Length);
        Assert.Equal(1, fixture.Commands.Count);
    }

    [Fact]
    public async Task Products_WithoutTotalCountOrStock_SendNeitherCountNorStockJoin()
    {
        var client = fixture.Anonymous();
        fixture.Commands.Reset();

        var connection = (await client.PostAsync("{ products(first: 5) { edges { node { sku price { amount } } } } }")).Field("products");

        Assert.Equal(["RT-00", "RT-01", "RT-02", "RT-03", "RT-04"], connection.Skus());
        var sql = Assert.Single(fixture.Commands.Texts);
        Assert.DoesNotContain("count(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stock", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Products_EmptyPageAfterTheLastCursor_StillCountsEveryMatch()
    {
        var client = fixture.Anonymous();
        var all = (await client.PostAsync("{ products(first: 50) { pageInfo { endCursor } } }")).Field("products");

        var after = (await client.PostAsync(
            "query ($after: String) { products(first: 5, after: $after) { totalCount edges { node { sku } } } }",
            new { after = all.GetProperty("pageInfo").Str("endCursor") })).Field("products");

        Assert.Empty(after.Skus());
        Assert.Equal(50, after.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Products_StockAndCountAskedInsideFragments_AreFetched()
    {
        const string Query = """
            { products(first: 4) { ...Counted edges { ... on ProductEdge { node { ...Stocked } } } nodes { sku ...Stocked } } }
            fragment Counted on ProductConnection { totalCount }
            fragment Stocked on Product { stock { available } }
            """;
        var client = fixture.Anonymous();

        var connection = (await client.PostAsync(Query)).Field("products");

        Assert.Equal(50, connection.GetProperty("totalCount").GetInt32());
        var stock = connection.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("stock").GetProperty("available").GetInt32());
        Assert.Equal([0, 1, 2, 3], stock);
        var edgeStock = connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("stock").GetProperty("available").GetInt32());
        Assert.Equal([0, 1, 2, 3], edgeStock);
    }
}
