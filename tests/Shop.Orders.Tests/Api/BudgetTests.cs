using System.Net;

namespace Shop.Orders.Tests.Api;

/// <summary>Straight at the orders subgraph, the kit's budget refuses what the gateway might not.</summary>
public sealed class BudgetTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task NestedOrdersOfTheCustomer_AreRefusedByCost_ANormalPageIsNot()
    {
        var customer = Guid.NewGuid();
        await orders.SeedOrderAsync(customer);
        var client = orders.Client(orders.Tokens.Customer(customer));
        const string Nested = "orders(first: 100) { nodes { id customer { orders(first: 100) { nodes { id customer { orders(first: 100) { nodes { id code } } } } } } } }";

        var page = await client.PostAsync("{ myOrders(first: 100) { nodes { id code status total { amount currencyCode } items { quantity } } } }");
        var amplified = await client.PostAsync($"{{ a: myOrders(first: 100) {{ nodes {{ customer {{ {Nested} }} }} }} b: myOrders(first: 100) {{ nodes {{ customer {{ {Nested} }} }} }} }}");

        page.EnsureNoErrors();
        Assert.Equal(HttpStatusCode.BadRequest, amplified.Status);
        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(amplified.ErrorCodes));
        Assert.Contains("the limit is 25000", amplified.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
