using System.Text.Json;

namespace Shop.Products.Tests;

public sealed class ProductMutationTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private const string Create = """
        mutation ($input: CreateProductInput!) {
          createProduct(input: $input) {
            product { id sku name description active price { amount } categories { slug } images { url altText primary } stock { available } }
            errors { code message field }
          }
        }
        """;

    private const string Update = """
        mutation ($input: UpdateProductInput!) {
          updateProduct(input: $input) {
            product { id sku name description active price { amount } categories { slug } images { url primary } updatedAt }
            errors { code field }
          }
        }
        """;

    [Fact]
    public async Task CreateProduct_ValidInput_StoresANormalisedProductWithoutStock()
    {
        var category = await products.CreateCategoryAsync("create-ok");
        var input = new
        {
            sku = "  cf-phin-01 ",
            name = " Phin Filter ",
            description = "Stainless steel.",
            price = "95000",
            categoryIds = new[] { category.Id },
            images = new object[]
            {
                new { url = "https://images.shop.example/phin/1.jpg", altText = "Front", primary = true },
                new { url = "https://images.shop.example/phin/2.jpg" },
            },
        };

        var payload = (await products.Admin().PostAsync(Create, new { input })).Field("createProduct");

        var product = payload.GetProperty("product");
        Assert.Empty(payload.Codes());
        Assert.Equal("CF-PHIN-01", product.Str("sku"));
        Assert.Equal("Phin Filter", product.Str("name"));
        Assert.Equal("95000", product.GetProperty("price").Str("amount"));
        Assert.True(product.GetProperty("active").GetBoolean());
        Assert.Equal("create-ok", Assert.Single(product.GetProperty("categories").EnumerateArray()).Str("slug"));
        Assert.Equal([true, false], product.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("primary").GetBoolean()));
        Assert.Equal(0, product.GetProperty("stock").GetProperty("available").GetInt32());
        var stored = await products.StockAsync(Guid.Parse(product.Str("id")));
        Assert.Equal((0, 0), (stored.Total, stored.Reserved));
    }

    [Fact]
    public async Task CreateProduct_InvalidFields_ReportsEveryProblemWithItsCode()
    {
        var input = new
        {
            sku = "bad sku!",
            name = "   ",
            price = "129000.50",
            categoryIds = new[] { Guid.NewGuid().ToString(), "not-an-id" },
            images = new object[]
            {
                new { url = "http://images.shop.example/1.jpg", primary = true },
                new { url = "https://images.shop.example/2.jpg", primary = true },
            },
        };

        var payload = (await products.Admin().PostAsync(Create, new { input })).Field("createProduct");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        Assert.Equal(["INVALID_ID"], payload.Codes());

        var withValidIds = (await products.Admin().PostAsync(Create, new { input = input with { categoryIds = new[] { Guid.NewGuid().ToString() } } })).Field("createProduct");
        Assert.Equal(
            ["INVALID_IMAGES", "INVALID_IMAGE_URL", "INVALID_NAME", "INVALID_PRICE", "INVALID_SKU", "NOT_FOUND"],
            withValidIds.Codes().Order());
    }

    [Theory]
    [InlineData("0", "INVALID_PRICE")]
    [InlineData("-5", "INVALID_PRICE")]
    [InlineData("1000000001", "INVALID_PRICE")]
    [InlineData("abc", "INVALID_PRICE")]
    public async Task CreateProduct_BadPrice_IsRefused(string price, string code)
    {
        var payload = (await products.Admin().PostAsync(Create, new { input = new { sku = "PRICE-" + Guid.NewGuid().ToString("N")[..6], name = "Price", price } })).Field("createProduct");

        Assert.Equal([code], payload.Codes());
        Assert.Equal("price", payload.GetProperty("errors")[0].Str("field"));
    }

    [Fact]
    public async Task CreateProduct_ImagesWithoutAPrimary_AreRefused()
    {
        var input = new { sku = "IMG-NONE", name = "Images", price = "1000", images = new[] { new { url = "https://images.shop.example/1.jpg" } } };

        var payload = (await products.Admin().PostAsync(Create, new { input })).Field("createProduct");

        Assert.Equal(["INVALID_IMAGES"], payload.Codes());
    }

    [Fact]
    public async Task CreateProduct_TakenSku_IsRefusedWhateverTheCase()
    {
        await products.CreateProductAsync("DUP-1");

        var payload = (await products.Admin().PostAsync(Create, new { input = new { sku = "dup-1", name = "Again", price = "1000" } })).Field("createProduct");

        Assert.Equal(["SKU_TAKEN"], payload.Codes());
    }

    [Fact]
    public async Task UpdateProduct_GivenFields_ChangeAndOthersStay()
    {
        var original = await products.CreateProductAsync("UPD-1", "Before", price: 10_000);
        var category = await products.CreateCategoryAsync("update-target");
        var input = new
        {
            id = original.Id,
            price = "12000",
            categoryIds = new[] { category.Id },
            images = new[] { new { url = "https://images.shop.example/upd-1/new.jpg", primary = true } },
        };

        var product = (await products.Admin().PostAsync(Update, new { input })).Field("updateProduct").GetProperty("product");

        Assert.Equal("Before", product.Str("name"));
        Assert.Equal("UPD-1", product.Str("sku"));
        Assert.Equal("12000", product.GetProperty("price").Str("amount"));
        Assert.Equal("update-target", Assert.Single(product.GetProperty("categories").EnumerateArray()).Str("slug"));
        Assert.Equal("https://images.shop.example/upd-1/new.jpg", Assert.Single(product.GetProperty("images").EnumerateArray()).Str("url"));
        Assert.True(product.GetProperty("updatedAt").GetDateTime() > original.UpdatedAt.UtcDateTime);
    }

    [Fact]
    public async Task UpdateProduct_Refusals_HaveCodesAndChangeNothing()
    {
        var product = await products.CreateProductAsync("UPD-2", "Keep");
        await products.CreateProductAsync("UPD-3");
        var admin = products.Admin();

        var unknown = (await admin.PostAsync(Update, new { input = new { id = Guid.NewGuid(), name = "X" } })).Field("updateProduct");
        var malformed = (await admin.PostAsync(Update, new { input = new { id = "nope", name = "X" } })).Field("updateProduct");
        var taken = (await admin.PostAsync(Update, new { input = new { id = product.Id, sku = "upd-3", name = "Changed" } })).Field("updateProduct");
        var twoPrimaries = (await admin.PostAsync(Update, new
        {
            input = new { id = product.Id, images = new[] { new { url = "https://a.example/1.jpg", primary = true }, new { url = "https://a.example/2.jpg", primary = true } } },
        })).Field("updateProduct");

        Assert.Equal(["NOT_FOUND"], unknown.Codes());
        Assert.Equal(["INVALID_ID"], malformed.Codes());
        Assert.Equal(["SKU_TAKEN"], taken.Codes());
        Assert.Equal(["INVALID_IMAGES"], twoPrimaries.Codes());
        var after = (await admin.PostAsync("query ($id: ID!) { product(id: $id) { name sku images { url } } }", new { id = product.Id })).Field("product");
        Assert.Equal("Keep", after.Str("name"));
        Assert.Equal("https://images.shop.example/products/upd-2/1.jpg", Assert.Single(after.GetProperty("images").EnumerateArray()).Str("url"));
    }

    [Fact]
    public async Task ArchiveProduct_HidesItFromCustomersUntilReactivated()
    {
        var product = await products.CreateProductAsync("ARCH-1");
        const string Lookup = "query ($id: ID!) { product(id: $id) { active } }";

        var archived = (await products.Admin().PostAsync("mutation ($id: ID!) { archiveProduct(input: { id: $id }) { product { active } errors { code } } }", new { id = product.Id }))
            .Field("archiveProduct");
        var hidden = (await products.Customer().PostAsync(Lookup, new { id = product.Id })).Field("product");
        await products.Admin().PostAsync(Update, new { input = new { id = product.Id, active = true } });
        var back = (await products.Customer().PostAsync(Lookup, new { id = product.Id })).Field("product");

        Assert.False(archived.GetProperty("product").GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.ValueKind);
        Assert.True(back.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ArchiveProduct_Unknown_IsNotFound()
    {
        var payload = (await products.Admin().PostAsync("mutation ($id: ID!) { archiveProduct(input: { id: $id }) { errors { code } } }", new { id = Guid.NewGuid() }))
            .Field("archiveProduct");

        Assert.Equal(["NOT_FOUND"], payload.Codes());
    }
}
