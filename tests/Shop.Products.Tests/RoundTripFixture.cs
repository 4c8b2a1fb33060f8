namespace Shop.Products.Tests;

/// <summary>Fifty products, each in two of three categories and with two images.</summary>
public sealed class RoundTripFixture : ProductsHost
{
    public List<Guid> ProductIds { get; } = [];

    public List<Guid> CategoryIds { get; } = [];

    protected override async Task SeedAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            CategoryIds.Add((await CreateCategoryAsync($"category-{i}")).Id);
        }

        for (var i = 0; i < 50; i++)
        {
            var product = await CreateProductAsync($"RT-{i:00}", price: 1_000 + i, stock: i % 4, categoryIds: [CategoryIds[i % 3], CategoryIds[(i + 1) % 3]], images: 2);
            ProductIds.Add(product.Id);
        }
    }
}
