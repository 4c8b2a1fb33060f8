namespace Shop.Products.Tests;

/// <summary>
/// Database round trips, counted as the commands EF Core sends: a page with every nested list
/// costs the same for 5 products as for 50, and so do batches of entity references.
/// </summary>
public sealed class RoundTripTests(RoundTripFixture fixture) : IClassFixture<RoundTripFixture>
{
    private const string Page = """
        query ($first: Int) {
          products(first: $first) {
            totalCount
            edges { cursor node { id sku name price { amount formatted } categories { id slug name } images { url primary } primaryImage { url } stock { available inStock } } }
          }
        }
        """;

    private const string Entities = """
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Product { id name price { amount } categories { name } primaryImage { url } stock { available } }
            ... on Category { id name }
          }
        }
        """;

    [Fact]
    public async Task ProductsPage_WithCategoriesAndImages_CostsTheSameRoundTripsFor5And50Products()
    {
        var client = fixture.Anonymous();
        await client.PostAsync(Page, new { first = 5 });

        var five = await CountAsync(async () => Assert.Equal(5, (await client.PostAsync(Page, new { first = 5 })).Field("products").Skus().Length));
        var fifty = await CountAsync(async () => Assert.Equal(50, (await client.PostAsync(Page, new { first = 50 })).Field("products").Skus().Length));

        Assert.Equal(five, fifty);
        Assert.Equal(3, fifty); // page with stock and its count, categories, images
    }

    [Fact]
    public async Task EntityReferences_AreResolvedInBatchesWhateverTheirNumber()
    {
        var client = fixture.Anonymous();
        await client.PostAsync(Entities, new { representations = References(2) });

        var five = await CountAsync(async () => Assert.Equal(8, (await client.PostAsync(Entities, new { representations = References(5) })).Field("_entities").GetArrayLength()));
        var fifty = await CountAsync(async () => Assert.Equal(53, (await client.PostAsync(Entities, new { representations = References(50) })).Field("_entities").GetArrayLength()));

        Assert.Equal(five, fifty);
        Assert.Equal(4, fifty); // products, categories by id, categories of products, images
    }

    private object[] References(int products)
        => [.. fixture.ProductIds.Take(products).Select(id => (object)new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = id.ToString() }),
            .. fixture.CategoryIds.Select(id => (object)new Dictionary<string, object> { ["__typename"] = "Category", ["id"] = id.ToString() })];

    private async Task<int> CountAsync(Func<Task> request)
    {
        fixture.Commands.Reset();
        await request();
        return fixture.Commands.Count;
    }
}
