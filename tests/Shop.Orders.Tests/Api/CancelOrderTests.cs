namespace Shop.Orders.Tests.Api;

public sealed class CancelOrderTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    private const string Cancel = "mutation ($id: ID!, $r: String) { cancelOrder(input: { orderId: $id, reason: $r }) { order { id status cancelRequested cancellationReason } errors { code message field } } }";

    [Fact]
    public async Task CancelOrder_Unpaid_RecordsTheRequest_AndRepeatsAreHarmless()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var client = orders.Client(orders.Tokens.Customer(customer));

        var first = await client.PostAsync(Cancel, new { id = order.Id, r = "Found it cheaper" });
        var again = await client.PostAsync(Cancel, new { id = order.Id, r = "Another reason" });

        var cancelled = first.EnsureNoErrors().Data.GetProperty("cancelOrder").GetProperty("order");
        Assert.True(cancelled.GetProperty("cancelRequested").GetBoolean());
        Assert.Equal("PENDING", cancelled.GetProperty("status").GetString());
        Assert.Equal("Found it cheaper", again.EnsureNoErrors().Data.GetProperty("cancelOrder").GetProperty("order").GetProperty("cancellationReason").GetString());
    }

    [Fact]
    public async Task CancelOrder_AfterPayment_IsRefused()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        foreach (var to in new[] { Grpc.OrderStatus.Reserved, Grpc.OrderStatus.AwaitingPayment, Grpc.OrderStatus.Paid })
        {
            await orders.Grpc().TransitionAsync(new Grpc.TransitionRequest { OrderId = order.Id.ToString(), To = to, Reason = "step" });
        }

        var response = await orders.Client(orders.Tokens.Customer(customer)).PostAsync(Cancel, new { id = order.Id, r = (string?)null });

        var payload = response.EnsureNoErrors().Data.GetProperty("cancelOrder");
        Assert.Equal("ORDER_NOT_CANCELLABLE", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task CancelOrder_OfAnotherCustomer_LooksLikeAMissingOrder()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());

        var response = await orders.Client(orders.Tokens.Customer()).PostAsync(Cancel, new { id = order.Id, r = (string?)null });

        Assert.Equal("NOT_FOUND", response.EnsureNoErrors().Data.GetProperty("cancelOrder").GetProperty("errors")[0].GetProperty("code").GetString());
        var stored = await orders.Grpc().GetOrderAsync(new Grpc.GetOrderRequest { OrderId = order.Id.ToString() });
        Assert.False(stored.CancelRequested);
    }

    [Fact]
    public async Task CancelOrder_WithAnOverlongReason_IsRefused()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);

        var response = await orders.Client(orders.Tokens.Customer(customer)).PostAsync(Cancel, new { id = order.Id, r = new string('x', 501) });

        Assert.Equal("INVALID_REASON", response.EnsureNoErrors().Data.GetProperty("cancelOrder").GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
