using System.Text.Json;

namespace Shop.Products.Tests;

/// <summary>The <c>where</c> of <c>products</c>, the lookups, and who sees archived products and stock counts.</summary>
public sealed class CatalogFilterTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private const string List = """
        query ($where: ProductFilterInput) {
          products(first: 100, where: $where, order: [{ field: PRICE }]) { totalCount edges { node { sku } } }
        }
        """;

    [Theory]
    [InlineData("coffee", "COF-1 COF-2 COF-3")]
    [InlineData("CHIP", "CHIP-1 CHIP-2")]
    [InlineData("  áo ", "AO-1")]
    [InlineData("tea-", "TEA-1 TEA-2")]
    [InlineData("%", "")]
    [InlineData("_", "")]
    public async Task Products_Search_MatchesNameOrSkuIgnoringCase(string search, string skus)
    {
        var found = await ListAsync(new { search });

        Assert.Equal(Split(skus), found.Order());
    }

    [Fact]
    public async Task Products_InACategory_AreThoseLinkedToIt()
    {
        var found = await ListAsync(new { categoryId = catalog.Snacks.Id });

        Assert.Equal(["CHIP-1", "CHIP-2", "NUT-1"], found.Order());
    }

    [Fact]
    public async Task Products_InAPriceRange_IncludeBothEnds()
    {
        var found = await ListAsync(new { minPrice = "50000", maxPrice = "150000" });

        Assert.Equal(["AO-1", "COF-1", "COF-2", "COF-3", "TEA-1", "TEA-2"], found.Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Products_ByInStock_SplitOnAvailableUnits(bool inStock)
    {
        var expected = catalog.Active.Where(p => catalog.StockOf[p.Sku] > 0 == inStock).Select(p => p.Sku).Order();

        var found = await ListAsync(new { inStock });

        Assert.Equal(expected, found.Order());
    }

    [Fact]
    public async Task Products_WithSeveralFilters_MatchAllOfThem()
    {
        var found = await ListAsync(new { categoryId = catalog.Drinks.Id, inStock = true, maxPrice = "150000" });

        Assert.Equal(["COF-1", "COF-2", "TEA-1"], found.Order());
    }

    [Fact]
    public async Task Products_ArchivedOnes_AreListedToAdminsOnly()
    {
        var asAdmin = await ListAsync(new { active = false }, catalog.Admin());
        var asCustomer = await ListAsync(new { active = false }, catalog.Customer());
        var allAsAdmin = await ListAsync(new { }, catalog.Admin());
        var allAnonymously = await ListAsync(new { });

        Assert.Equal(["OLD-1"], asAdmin);
        Assert.Empty(asCustomer);
        Assert.Contains("OLD-1", allAsAdmin);
        Assert.DoesNotContain("OLD-1", allAnonymously);
        Assert.Equal(catalog.Products.Count, allAsAdmin.Length);
    }

    [Theory]
    [InlineData("""{ "minPrice": "12.5" }""")]
    [InlineData("""{ "maxPrice": "-1" }""")]
    [InlineData("""{ "minPrice": "200000", "maxPrice": "100000" }""")]
    public async Task Products_BadFilter_IsAnInvalidArgument(string where)
    {
        var response = await catalog.Anonymous().PostAsync(List, new { where = JsonSerializer.Deserialize<JsonElement>(where) });

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Products_MalformedCategoryId_IsAnInvalidId()
    {
        var response = await catalog.Anonymous().PostAsync(List, new { where = new { categoryId = "drinks" } });

        Assert.Equal("INVALID_ID", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Products_OverlongSearch_IsAnInvalidArgument()
    {
        var response = await catalog.Anonymous().PostAsync(List, new { where = new { search = new string('a', 101) } });

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    [Theory]
    [InlineData("caf\u200Be")]
    [InlineData("\u202Eeffoc")]
    public async Task Products_SearchWithInvisibleCharacters_IsAnInvalidArgument(string search)
    {
        var response = await catalog.Anonymous().PostAsync(List, new { where = new { search } });

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Products_SearchLength_IsCountedInCharactersNotUtf16Units()
    {
        // 100 emoji: 100 characters, 200 UTF-16 units.
        var response = await catalog.Anonymous().PostAsync(List, new { where = new { search = string.Concat(Enumerable.Repeat("\U0001F600", 100)) } });

        Assert.Empty(response.ErrorCodes);
    }

    [Fact]
    public async Task Product_ById_ShowsTheCatalogEntry()
    {
        var coffee = catalog.Products["COF-1"];

        var product = (await catalog.Anonymous().PostAsync(
            """
            query ($id: ID!) {
              product(id: $id) {
                id sku name description active
                price { amount currencyCode formatted }
                categories { slug name }
                images { url primary }
                primaryImage { url altText }
                stock { available inStock }
              }
            }
            """,
            new { id = coffee.Id })).Field("product");

        Assert.Equal(coffee.Id.ToString(), product.Str("id"));
        Assert.Equal("Coffee Beans", product.Str("name"));
        Assert.Equal("150000", product.GetProperty("price").Str("amount"));
        Assert.Equal("VND", product.GetProperty("price").Str("currencyCode"));
        Assert.Equal("150.000 ₫", product.GetProperty("price").Str("formatted"));
        Assert.Equal("drinks", Assert.Single(product.GetProperty("categories").EnumerateArray()).Str("slug"));
        Assert.Equal("https://images.shop.example/products/cof-1/1.jpg", product.GetProperty("primaryImage").Str("url"));
        Assert.Equal(5, product.GetProperty("stock").GetProperty("available").GetInt32());
        Assert.True(product.GetProperty("stock").GetProperty("inStock").GetBoolean());
    }

    [Fact]
    public async Task ProductBySku_IgnoresCase()
    {
        var product = (await catalog.Anonymous().PostAsync("{ productBySku(sku: \" chip-1 \") { sku } }")).Field("productBySku");

        Assert.Equal("CHIP-1", product.Str("sku"));
    }

    [Fact]
    public async Task Product_Archived_IsNullForEveryoneButAdmins()
    {
        const string Query = "query ($id: ID!) { product(id: $id) { sku active } productBySku(sku: \"OLD-1\") { sku } }";
        var variables = new { id = catalog.Products["OLD-1"].Id };

        var anonymous = (await catalog.Anonymous().PostAsync(Query, variables)).EnsureNoErrors().Data;
        var customer = (await catalog.Customer().PostAsync(Query, variables)).EnsureNoErrors().Data;
        var admin = (await catalog.Admin().PostAsync(Query, variables)).EnsureNoErrors().Data;

        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("product").ValueKind);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("productBySku").ValueKind);
        Assert.False(admin.GetProperty("product").GetProperty("active").GetBoolean());
        Assert.Equal("OLD-1", admin.GetProperty("productBySku").Str("sku"));
    }

    [Fact]
    public async Task Product_UnknownOrMalformedId_IsNullOrAnInvalidId()
    {
        var unknown = await catalog.Anonymous().PostAsync("query ($id: ID!) { product(id: $id) { sku } }", new { id = Guid.NewGuid() });
        var malformed = await catalog.Anonymous().PostAsync("{ product(id: \"cof-1\") { sku } }");

        Assert.Equal(JsonValueKind.Null, unknown.Field("product").ValueKind);
        Assert.Equal("INVALID_ID", Assert.Single(malformed.ErrorCodes));
    }

    [Fact]
    public async Task Stock_TotalAndReserved_AreForAdminsOnly()
    {
        const string Query = "query ($id: ID!) { product(id: $id) { stock { available total reserved } } }";
        var variables = new { id = catalog.Products["TEA-1"].Id };

        var customer = await catalog.Customer().PostAsync(Query, variables);
        var admin = (await catalog.Admin().PostAsync(Query, variables)).Field("product").GetProperty("stock");

        Assert.All(customer.ErrorCodes, code => Assert.Equal("FORBIDDEN", code));
        Assert.Equal(2, customer.ErrorCodes.Length);
        Assert.Equal(10, customer.Data.GetProperty("product").GetProperty("stock").GetProperty("available").GetInt32());
        Assert.Equal(10, admin.GetProperty("total").GetInt32());
        Assert.Equal(0, admin.GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Categories_AreListedByName()
    {
        var categories = (await catalog.Anonymous().PostAsync("{ categories { slug name } }")).Field("categories");

        Assert.Equal(["drinks", "snacks"], categories.EnumerateArray().Select(c => c.Str("slug")));
    }

    private async Task<string[]> ListAsync(object where, Shop.Testing.Clients.GraphQLHttpClient? client = null)
    {
        var connection = (await (client ?? catalog.Anonymous()).PostAsync(List, new { where })).Field("products");
        var skus = connection.Skus();
        Assert.Equal(skus.Length, connection.GetProperty("totalCount").GetInt32());
        return skus;
    }

    private static string[] Split(string skus) => skus.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
