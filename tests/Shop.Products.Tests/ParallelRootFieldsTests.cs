using Shop.Testing.GraphQL;

namespace Shop.Products.Tests;

public sealed class ParallelRootFieldsTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    [Fact]
    public async Task EveryPairOfRootFields_InOneDocument_AnswersWithoutUnexpectedErrors()
    {
        var adminId = Guid.NewGuid();

        var failures = await RootFieldPairs.FailuresAsync(products.Host.Services, () => products.Admin(adminId));

        Assert.Empty(failures);
    }
}
