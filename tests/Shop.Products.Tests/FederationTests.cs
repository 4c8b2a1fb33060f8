using System.Text.Json;

namespace Shop.Products.Tests;

public sealed class FederationTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private const string Entities = """
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on Product { id sku active }
            ... on Category { id slug }
          }
        }
        """;

    [Fact]
    public async Task Entities_ResolveProductsAndCategoriesInTheOrderAsked()
    {
        var category = await products.CreateCategoryAsync("federated");
        var product = await products.CreateProductAsync("FED-1", categoryIds: [category.Id]);
        var archived = await products.CreateProductAsync("FED-2", active: false);

        var entities = (await products.Anonymous().PostAsync(Entities, new
        {
            representations = new object[]
            {
                new { __typename = "Category", id = category.Id },
                new { __typename = "Product", id = archived.Id },
                new { __typename = "Product", id = Guid.NewGuid() },
                new { __typename = "Product", id = product.Id },
            },
        })).Field("_entities").EnumerateArray().ToList();

        Assert.Equal("federated", entities[0].Str("slug"));
        // An order line may reference a product archived since: it still resolves.
        Assert.Equal(("FED-2", false), (entities[1].Str("sku"), entities[1].GetProperty("active").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, entities[2].ValueKind);
        Assert.Equal("FED-1", entities[3].Str("sku"));
    }

    [Fact]
    public async Task Entities_MalformedId_IsAnInvalidId()
    {
        var response = await products.Anonymous().PostAsync(Entities, new { representations = new[] { new { __typename = "Product", id = "FED-1" } } });

        Assert.Equal("INVALID_ID", Assert.Single(response.ErrorCodes));
    }
}
