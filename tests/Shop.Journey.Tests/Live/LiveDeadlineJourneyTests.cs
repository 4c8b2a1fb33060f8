namespace Shop.Journey.Tests.Live;

/// <summary>An order nobody pays, on a platform whose orchestrator waits eight seconds for the money (SHOP_TEST_TEMPORAL).</summary>
[Collection(LiveCollection.Name)]
public sealed class LiveDeadlineJourneyTests(ShortDeadlinePlatform fixture) : IClassFixture<ShortDeadlinePlatform>
{
    [Fact(Timeout = 300_000)]
    public async Task Journey_NobodyPaysBeforeTheDeadline_CancelledAndStockReleased()
    {
        var platform = fixture.Require();
        var shop = await LiveShop.SignInAsync(platform);
        var productId = await shop.StockedProductAsync(10);
        var customer = await Customer.RegisterAsync(platform, "Bao");
        var client = customer.Client(platform);

        var orderId = await LiveShop.PlaceAsync(client, productId, quantity: 2);
        await LiveShop.WaitForAsync(client, orderId, status => status is "AWAITING_PAYMENT" || LiveShop.Terminal.Contains(status));
        var final = await LiveShop.WaitForAsync(client, orderId, LiveShop.Terminal.Contains);

        Assert.Equal("CANCELLED", final);
        var history = (await client.PostAsync("query ($id: ID!) { order(id: $id) { statusHistory { to reason } } }", new { id = orderId }))
            .EnsureNoErrors().Data.GetProperty("order").GetProperty("statusHistory").EnumerateArray().ToArray();
        Assert.Equal(["PENDING", "RESERVED", "AWAITING_PAYMENT", "CANCELLED"], history.Select(h => h.GetProperty("to").GetString()!));
        Assert.Contains("deadline", history[^1].GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        var (_, payment) = await LiveShop.ReadAsync(client, orderId);
        Assert.Contains(payment?.GetProperty("status").GetString(), new[] { "EXPIRED", "CANCELLED" });
        Assert.Equal((10, 0, 10), await shop.StockAsync(productId));
    }
}
