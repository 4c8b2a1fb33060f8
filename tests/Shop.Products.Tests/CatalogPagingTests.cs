using System.Text.Json;
using Shop.Products.Data;
using Shop.Testing.Clients;

namespace Shop.Products.Tests;

/// <summary>Sorting and keyset paging of <c>products</c>, walked page by page across ties.</summary>
public sealed class CatalogPagingTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private const string Page = """
        query ($first: Int, $after: String, $order: [ProductOrderInput!], $where: ProductFilterInput) {
          products(first: $first, after: $after, order: $order, where: $where) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { sku name } }
          }
        }
        """;

    public static TheoryData<int> PageSizes => [1, 2, 3, 100];

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task Products_ByDefault_AreActiveOnesByNameThenIdOnEveryPageSize(int first)
    {
        var expected = catalog.Active.OrderBy(CatalogFixture.NameRank).ThenBy(CatalogFixture.IdKey, StringComparer.Ordinal);

        var skus = await WalkAsync(catalog.Anonymous(), first, order: null);

        Assert.Equal(expected.Select(p => p.Sku), skus);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task Products_ByPriceWithTies_ListEachProductOnceInPriceThenIdOrder(int first)
    {
        var expected = catalog.Active.OrderBy(p => p.Price).ThenBy(CatalogFixture.IdKey, StringComparer.Ordinal);

        var skus = await WalkAsync(catalog.Anonymous(), first, [new { field = "PRICE", direction = "ASC" }]);

        Assert.Equal(expected.Select(p => p.Sku), skus);
    }

    [Fact]
    public async Task Products_ByPriceDescendingThenName_MixDirectionsAcrossPages()
    {
        var expected = catalog.Active.OrderByDescending(p => p.Price).ThenBy(CatalogFixture.NameRank).ThenBy(CatalogFixture.IdKey, StringComparer.Ordinal);

        var skus = await WalkAsync(catalog.Anonymous(), 2, [new { field = "PRICE", direction = "DESC" }, new { field = "NAME", direction = "ASC" }]);

        Assert.Equal(expected.Select(p => p.Sku), skus);
    }

    [Fact]
    public async Task Products_NewestFirst_IncludeArchivedForAdmins()
    {
        var expected = catalog.Products.Values.OrderByDescending(p => p.CreatedAt).ThenBy(CatalogFixture.IdKey, StringComparer.Ordinal);

        var skus = await WalkAsync(catalog.Admin(), 3, [new { field = "CREATED_AT", direction = "DESC" }]);

        Assert.Equal(expected.Select(p => p.Sku), skus);
    }

    [Fact]
    public async Task Products_ByNameDescending_PutTiesInIdOrder()
    {
        var expected = catalog.Active.OrderByDescending(CatalogFixture.NameRank).ThenBy(CatalogFixture.IdKey, StringComparer.Ordinal);

        var skus = await WalkAsync(catalog.Customer(), 2, [new { field = "NAME", direction = "DESC" }]);

        Assert.Equal(expected.Select(p => p.Sku), skus);
    }

    [Fact]
    public async Task Products_FirstPage_ReportsCountsAndCursors()
    {
        var connection = (await catalog.Anonymous().PostAsync(Page, new { first = 4 })).Field("products");

        var pageInfo = connection.GetProperty("pageInfo");
        var edges = connection.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(catalog.Active.Count(), connection.GetProperty("totalCount").GetInt32());
        Assert.Equal(4, edges.Count);
        Assert.True(pageInfo.GetProperty("hasNextPage").GetBoolean());
        Assert.False(pageInfo.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(edges[0].Str("cursor"), pageInfo.Str("startCursor"));
        Assert.Equal(edges[^1].Str("cursor"), pageInfo.Str("endCursor"));
    }

    [Fact]
    public async Task Products_CursorFromAnotherOrder_IsAnInvalidArgument()
    {
        var client = catalog.Anonymous();
        var byPrice = (await client.PostAsync(Page, new { first = 2, order = new[] { new { field = "PRICE", direction = "ASC" } } })).Field("products");

        var response = await client.PostAsync(Page, new { first = 2, after = byPrice.GetProperty("pageInfo").Str("endCursor") });

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    [Theory]
    [InlineData("""{ "first": 0 }""")]
    [InlineData("""{ "first": 101 }""")]
    [InlineData("""{ "after": "not-a-cursor" }""")]
    [InlineData("""{ "order": [{ "field": "NAME" }, { "field": "NAME", "direction": "DESC" }] }""")]
    public async Task Products_BadPagingArguments_AreInvalidArguments(string variables)
    {
        var response = await catalog.Anonymous().PostAsync(Page, JsonSerializer.Deserialize<JsonElement>(variables));

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    /// <summary>Follows endCursor until the last page, checking each page's bookkeeping on the way.</summary>
    private static async Task<List<string>> WalkAsync(GraphQLHttpClient client, int first, object[]? order)
    {
        var skus = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var connection = (await client.PostAsync(Page, new { first, after, order })).Field("products");
            var pageInfo = connection.GetProperty("pageInfo");
            var page = connection.Skus();
            Assert.True(page.Length <= first);
            Assert.Equal(after is not null, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            skus.AddRange(page);
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(skus.Count, connection.GetProperty("totalCount").GetInt32());
                return skus;
            }

            after = pageInfo.Str("endCursor");
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}
