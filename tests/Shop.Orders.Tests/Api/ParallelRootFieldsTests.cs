using Shop.Testing.GraphQL;

namespace Shop.Orders.Tests.Api;

public sealed class ParallelRootFieldsTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task EveryPairOfRootFields_InOneDocument_AnswersWithoutUnexpectedErrors()
    {
        var token = orders.Tokens.Admin();

        var failures = await RootFieldPairs.FailuresAsync(orders.Host.Services, () => orders.Client(token));

        Assert.Empty(failures);
    }
}
