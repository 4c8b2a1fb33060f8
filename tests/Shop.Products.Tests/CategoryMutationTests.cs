namespace Shop.Products.Tests;

public sealed class CategoryMutationTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private const string Create = "mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { category { id slug name } errors { code field } } }";
    private const string Rename = "mutation ($input: RenameCategoryInput!) { renameCategory(input: $input) { category { id slug name } errors { code field } } }";

    [Fact]
    public async Task CreateCategory_ValidInput_IsListed()
    {
        var category = (await products.Admin().PostAsync(Create, new { input = new { slug = "coffee-and-tea", name = " Coffee & Tea " } }))
            .Field("createCategory").GetProperty("category");
        var listed = (await products.Anonymous().PostAsync("{ categories { slug name } }")).Field("categories");

        Assert.Equal("Coffee & Tea", category.Str("name"));
        Assert.Contains(listed.EnumerateArray(), c => c.Str("slug") == "coffee-and-tea" && c.Str("name") == "Coffee & Tea");
    }

    [Theory]
    [InlineData("Coffee", "Coffee", "INVALID_SLUG")]
    [InlineData("coffee--tea", "Coffee", "INVALID_SLUG")]
    [InlineData("-coffee", "Coffee", "INVALID_SLUG")]
    [InlineData("coffee", "", "INVALID_NAME")]
    [InlineData("coffee", "Line\nbreak", "INVALID_NAME")]
    [InlineData("coffee", "Cof\u200Bfee", "INVALID_NAME")]
    [InlineData("coffee", "\u202Eeeffoc", "INVALID_NAME")]
    [InlineData("coffee", "Coffee\u2069", "INVALID_NAME")]
    public async Task CreateCategory_InvalidInput_IsRefused(string slug, string name, string code)
    {
        var payload = (await products.Admin().PostAsync(Create, new { input = new { slug, name } })).Field("createCategory");

        Assert.Equal([code], payload.Codes());
    }

    [Fact]
    public async Task CreateCategory_NameLength_CountsCharactersNotUtf16Units()
    {
        var hundred = string.Concat(Enumerable.Repeat("🍵", 100));

        var atTheLimit = (await products.Admin().PostAsync(Create, new { input = new { slug = "tea-" + Guid.NewGuid().ToString("N")[..8], name = hundred } })).Field("createCategory");
        var overIt = (await products.Admin().PostAsync(Create, new { input = new { slug = "tea-" + Guid.NewGuid().ToString("N")[..8], name = hundred + "🍵" } })).Field("createCategory");

        Assert.Empty(atTheLimit.Codes());
        Assert.Equal(["INVALID_NAME"], overIt.Codes());
    }

    [Fact]
    public async Task CreateCategory_TakenSlug_IsRefused()
    {
        await products.CreateCategoryAsync("taken-slug");

        var payload = (await products.Admin().PostAsync(Create, new { input = new { slug = "taken-slug", name = "Again" } })).Field("createCategory");

        Assert.Equal(["SLUG_TAKEN"], payload.Codes());
    }

    [Fact]
    public async Task RenameCategory_ChangesTheNameAndKeepsTheSlug()
    {
        var category = await products.CreateCategoryAsync("rename-me", "Old");

        var renamed = (await products.Admin().PostAsync(Rename, new { input = new { id = category.Id, name = "New" } })).Field("renameCategory").GetProperty("category");

        Assert.Equal(("rename-me", "New"), (renamed.Str("slug"), renamed.Str("name")));
    }

    [Fact]
    public async Task RenameCategory_Refusals_HaveCodes()
    {
        var category = await products.CreateCategoryAsync("rename-refused", "Old");

        var unknown = (await products.Admin().PostAsync(Rename, new { input = new { id = Guid.NewGuid(), name = "New" } })).Field("renameCategory");
        var malformed = (await products.Admin().PostAsync(Rename, new { input = new { id = "x", name = "New" } })).Field("renameCategory");
        var blank = (await products.Admin().PostAsync(Rename, new { input = new { id = category.Id, name = " " } })).Field("renameCategory");

        Assert.Equal(["NOT_FOUND"], unknown.Codes());
        Assert.Equal(["INVALID_ID"], malformed.Codes());
        Assert.Equal(["INVALID_NAME"], blank.Codes());
    }
}
