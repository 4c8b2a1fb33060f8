using System.Text.Json;
using Shop.GraphQL.Federation;
using Snapshooter.Xunit3;

namespace Shop.Payments.Tests.Api;

/// <summary>
/// <c>Order.payment</c> as the gateway asks for it (an entity reference), visible to the order's
/// customer and to admins only, and the admins' <c>payments</c> connection.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentsGraphQLTests(PaymentsHost payments)
{
    private const string OrderPayment = """
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Order { id payment { status orderUrl appTransId amount { amount currencyCode } statusHistory { from to reason } } }
          }
        }
        """;

    [Fact]
    public async Task OrderPayment_Owner_SeesItWithWhereToPay()
    {
        var customer = Guid.NewGuid();
        var payment = await payments.CreateAsync(129_000, customer);

        var entity = await OrderEntityAsync(payments.Tokens.Customer(customer), payment.OrderId);

        var seen = entity.GetProperty("payment");
        Assert.Equal("PENDING", seen.GetProperty("status").GetString());
        Assert.Equal(payment.OrderUrl, seen.GetProperty("orderUrl").GetString());
        Assert.Equal("129000", seen.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("VND", seen.GetProperty("amount").GetProperty("currencyCode").GetString());
        Assert.Equal("PENDING", Assert.Single(seen.GetProperty("statusHistory").EnumerateArray()).GetProperty("to").GetString());
    }

    [Fact]
    public async Task OrderPayment_Admin_SeesIt()
    {
        var payment = await payments.CreateAsync();

        var entity = await OrderEntityAsync(payments.Tokens.Admin(), payment.OrderId);

        Assert.Equal(payment.AppTransId, entity.GetProperty("payment").GetProperty("appTransId").GetString());
    }

    [Fact]
    public async Task OrderPayment_AnotherCustomerOrAnonymous_SeesNothing()
    {
        var payment = await payments.CreateAsync();

        var stranger = await OrderEntityAsync(payments.Tokens.Customer(), payment.OrderId);
        var anonymous = await OrderEntityAsync(null, payment.OrderId);

        Assert.Equal(JsonValueKind.Null, stranger.GetProperty("payment").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("payment").ValueKind);
    }

    [Fact]
    public async Task OrderPayment_Paid_HidesWhereToPay()
    {
        var customer = Guid.NewGuid();
        var payment = await payments.CreateAsync(customerId: customer);
        await payments.Sandbox.Control.PayAsync(payment.AppTransId);

        var seen = (await OrderEntityAsync(payments.Tokens.Customer(customer), payment.OrderId)).GetProperty("payment");

        Assert.Equal("PAID", seen.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("orderUrl").ValueKind);
    }

    [Fact]
    public async Task Payments_AdminOnly()
    {
        await payments.CreateAsync();
        const string query = "{ payments(first: 5, status: PENDING) { totalCount nodes { status } } }";

        var admin = await payments.Client(payments.Tokens.Admin()).PostAsync(query);
        var customer = await payments.Client(payments.Tokens.Customer()).PostAsync(query);

        Assert.Empty(admin.Errors);
        Assert.True(admin.Data.GetProperty("payments").GetProperty("totalCount").GetInt32() >= 1);
        Assert.All(admin.Data.GetProperty("payments").GetProperty("nodes").EnumerateArray(), n => Assert.Equal("PENDING", n.GetProperty("status").GetString()));
        Assert.NotEmpty(customer.Errors);
        Assert.False(customer.HasData && customer.Data.ValueKind == JsonValueKind.Object && customer.Data.TryGetProperty("payments", out var p) && p.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Sdl_MatchesTheSnapshot()
    {
        var sdl = await SchemaSdl.PrintAsync(payments.Host.Services);

        Assert.Contains("type Order @key(fields: \"id\")", sdl);
        Snapshot.Match(sdl);
    }

    private async Task<JsonElement> OrderEntityAsync(string? token, string orderId)
    {
        var response = await payments.Client(token).PostAsync(OrderPayment, new { representations = new[] { new { __typename = "Order", id = orderId } } });
        Assert.Empty(response.Errors);
        return Assert.Single(response.Data.GetProperty("_entities").EnumerateArray());
    }
}
