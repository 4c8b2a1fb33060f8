using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Data;
using Shop.Testing.Clients;

namespace Shop.Products.Tests;

/// <summary>Every mutation is for admins: customers and anonymous callers are refused and change nothing.</summary>
public sealed class MutationAuthorizationTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    public static TheoryData<string, string> Mutations => new()
    {
        { "createProduct", """mutation { createProduct(input: { sku: "NEW-1", name: "New", price: "1000" }) { product { id } } }""" },
        { "updateProduct", """mutation ($id: ID!) { updateProduct(input: { id: $id, name: "Renamed" }) { product { id } } }""" },
        { "archiveProduct", """mutation ($id: ID!) { archiveProduct(input: { id: $id }) { product { id } } }""" },
        { "setStock", """mutation ($id: ID!) { setStock(input: { productId: $id, total: 99, reason: "count" }) { product { id } } }""" },
        { "createCategory", """mutation { createCategory(input: { slug: "new-category", name: "New" }) { category { id } } }""" },
        { "renameCategory", """mutation ($categoryId: ID!) { renameCategory(input: { id: $categoryId, name: "Renamed" }) { category { id } } }""" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutation_ByAnonymousCaller_IsUnauthenticatedAndChangesNothing(string field, string mutation)
    {
        await AssertRefusedAsync(products.Anonymous(), field, mutation, "UNAUTHENTICATED");
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutation_ByCustomer_IsForbiddenAndChangesNothing(string field, string mutation)
    {
        await AssertRefusedAsync(products.Customer(), field, mutation, "FORBIDDEN");
    }

    private async Task AssertRefusedAsync(GraphQLHttpClient client, string field, string mutation, string code)
    {
        var product = await products.CreateProductAsync("AUTH-" + Guid.NewGuid().ToString("N")[..8], "Original", stock: 5);
        var category = await products.CreateCategoryAsync("auth-" + Guid.NewGuid().ToString("N")[..8], "Original");
        var before = await SnapshotAsync();

        var response = await client.PostAsync(mutation, new { id = product.Id, categoryId = category.Id });

        Assert.Equal(code, Assert.Single(response.ErrorCodes));
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(field, Assert.Single(response.Errors).GetProperty("path")[0].GetString());
    }

    /// <summary>Everything a mutation could change, as text.</summary>
    private Task<string> SnapshotAsync() => products.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<ProductsDbContext>();
        var rows = new List<string>();
        rows.AddRange(await db.Products.OrderBy(p => p.Id).Select(p => $"{p.Id} {p.Sku} {p.Name} {p.Price} {p.Active} {p.UpdatedAt}").ToListAsync());
        rows.AddRange(await db.Categories.OrderBy(c => c.Id).Select(c => $"{c.Id} {c.Slug} {c.Name}").ToListAsync());
        rows.AddRange(await db.Stock.OrderBy(s => s.ProductId).Select(s => $"{s.ProductId} {s.Total} {s.Reserved}").ToListAsync());
        rows.Add($"adjustments {await db.StockAdjustments.CountAsync()}");
        return string.Join('\n', rows);
    });
}
