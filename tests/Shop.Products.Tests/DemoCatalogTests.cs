using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Data;

namespace Shop.Products.Tests;

/// <summary>A host with the demo catalog switched on, as ./shop up runs it.</summary>
public sealed class DemoCatalogFixture : ProductsHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Shop:Products:SeedDemoCatalog"] = "true" };
}

public sealed class DemoCatalogTests(DemoCatalogFixture demo) : IClassFixture<DemoCatalogFixture>
{
    [Fact]
    public async Task DemoCatalog_OnAnEmptyCatalog_LoadsProductsWithImagesAndStock()
    {
        var products = (await demo.Anonymous().PostAsync("""
            { products(first: 100) { totalCount nodes { sku categories { slug } primaryImage { url } stock { available } } } categories { slug } }
            """)).EnsureNoErrors().Data;

        var nodes = products.GetProperty("products").GetProperty("nodes").EnumerateArray().ToList();
        Assert.InRange(nodes.Count, 45, 55);
        Assert.InRange(products.GetProperty("categories").GetArrayLength(), 3, 8);
        Assert.All(nodes, node =>
        {
            Assert.NotEmpty(node.GetProperty("categories").EnumerateArray());
            Assert.StartsWith("https://", node.GetProperty("primaryImage").Str("url"), StringComparison.Ordinal);
        });
        Assert.True(nodes.Count(node => node.GetProperty("stock").GetProperty("available").GetInt32() > 0) > 40);
    }

    [Fact]
    public async Task DemoCatalog_OnANonEmptyCatalog_AddsNothing()
    {
        var before = await CountAsync();

        await using (await demo.StartServiceAsync())
        {
        }

        Assert.Equal(before, await CountAsync());
    }

    private Task<(int Products, int Categories, int Adjustments)> CountAsync() => demo.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<ProductsDbContext>();
        return (await db.Products.CountAsync(), await db.Categories.CountAsync(), await db.StockAdjustments.CountAsync());
    });
}
