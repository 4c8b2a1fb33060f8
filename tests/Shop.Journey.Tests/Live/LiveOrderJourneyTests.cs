using System.Text.Json;
using Shop.Orders.Events;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests.Live;

/// <summary>
/// The whole product with a real Temporal server (SHOP_TEST_TEMPORAL): orders placed through the
/// gateway are driven by the orchestrator's workflow, the ZaloPay sandbox pays them, and customers
/// watch every step through the gateway's subscriptions. Skipped without a server.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class LiveOrderJourneyTests(LivePlatform fixture) : IClassFixture<LivePlatform>
{
    private const int Generous = 300_000;

    private const string MyUpdates = "subscription { myOrderUpdates { to from reason order { id } } }";

    private const string Watch = "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { to from reason } }";

    [Fact(Timeout = Generous)]
    public async Task Journey_PlaceWatchAndPay_EveryStepInOrderThenStockCommitted()
    {
        var platform = fixture.Require();
        var shop = await LiveShop.SignInAsync(platform);
        var productId = await shop.StockedProductAsync(10);
        var customer = await Customer.RegisterAsync(platform, "Linh");
        var client = customer.Client(platform);
        var browsed = (await client.PostAsync("query ($id: ID!) { product(id: $id) { name stock { available } } }", new { id = productId })).EnsureNoErrors();
        Assert.Equal(10, browsed.Data.GetProperty("product").GetProperty("stock").GetProperty("available").GetInt32());
        var hub = platform.Orders.GetRequiredService<OrderEventHub>();
        using var http = new HttpClient { BaseAddress = platform.Gateway.Address, Timeout = Timeout.InfiniteTimeSpan };
        // Every order of this new customer, from before the placement, so no step can slip past.
        await using var mine = await SseClient.PostAsync(http, MyUpdates, null, customer.AccessToken);
        await Eventually.TrueAsync(() => hub.WatchersOf(Guid.NewGuid(), customer.Id) == 1, TimeSpan.FromSeconds(30));

        var orderId = await LiveShop.PlaceAsync(client, productId, quantity: 3);
        await using var socket = await GraphQLWsClient.ConnectAsync(platform.Gateway.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + customer.AccessToken });
        await socket.SubscribeAsync("watch", Watch, new { id = orderId });
        await Eventually.TrueAsync(() => hub.WatchersOf(Guid.Parse(orderId), customer.Id) == 2, TimeSpan.FromSeconds(30));
        var final = await shop.PayWhenAskedAsync(client, orderId);

        Assert.Equal("COMPLETED", final);
        string[] steps = ["RESERVED", "AWAITING_PAYMENT", "PAID", "COMPLETED"];
        var overSse = await ReadUntilCompletedAsync(async () => (await mine.ReadEventAsync(LiveShop.Patience))?.Json.GetProperty("data").GetProperty("myOrderUpdates"));
        Assert.Equal(steps, overSse.Select(e => e.GetProperty("to").GetString()));
        Assert.All(overSse, e => Assert.Equal(orderId, e.GetProperty("order").GetProperty("id").GetString()));
        Assert.Equal(["PENDING", .. steps[..^1]], overSse.Select(e => e.GetProperty("from").GetString()));
        // Watching one order began after its placement: at least the steps after the watch, in order.
        var overWs = await ReadUntilCompletedAsync(() => NextOverWebSocketAsync(socket));
        var watched = overWs.Select(e => e.GetProperty("to").GetString()).ToArray();
        Assert.True(watched.Length >= 2, string.Join(", ", watched));
        Assert.Equal(steps[^watched.Length..], watched);
        Assert.Equal((7, 0, 7), await shop.StockAsync(productId));
    }

    [Fact(Timeout = Generous)]
    public async Task Journey_CustomerCancelsWhileAwaitingPayment_CancelledAndStockReleased()
    {
        var platform = fixture.Require();
        var shop = await LiveShop.SignInAsync(platform);
        var productId = await shop.StockedProductAsync(10);
        var customer = await Customer.RegisterAsync(platform, "Khoa");
        var client = customer.Client(platform);
        var orderId = await LiveShop.PlaceAsync(client, productId, quantity: 4);
        await LiveShop.WaitForAsync(client, orderId, status => status == "AWAITING_PAYMENT");
        Assert.Equal((10, 4, 6), await shop.StockAsync(productId));

        var cancelled = await client.PostAsync(
            "mutation ($i: CancelOrderInput!) { cancelOrder(input: $i) { order { id } errors { code message } } }",
            new { i = new { orderId, reason = "Found it cheaper" } });
        Assert.Empty(cancelled.EnsureNoErrors().Data.GetProperty("cancelOrder").GetProperty("errors").EnumerateArray());
        var final = await LiveShop.WaitForAsync(client, orderId, LiveShop.Terminal.Contains);

        Assert.Equal("CANCELLED", final);
        Assert.Equal((10, 0, 10), await shop.StockAsync(productId));
        var (_, payment) = await LiveShop.ReadAsync(client, orderId);
        Assert.NotEqual("PAID", payment?.GetProperty("status").GetString());
    }

    [Fact(Timeout = Generous)]
    public async Task Journey_FiftyConcurrentOrdersForTenUnits_ExactlyTenCompletedAndStockConserved()
    {
        var platform = fixture.Require();
        var shop = await LiveShop.SignInAsync(platform);
        var productId = await shop.StockedProductAsync(10);
        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Customer.RegisterAsync(platform, $"Rush{i}")));

        // Each order is placed and, when the workflow asks for money, paid on the sandbox at once.
        var finals = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var client = customers[i % customers.Length].Client(platform);
            var orderId = await LiveShop.PlaceAsync(client, productId, quantity: 1);
            return await shop.PayWhenAskedAsync(client, orderId, poll: TimeSpan.FromMilliseconds(500));
        }));

        Assert.Equal(10, finals.Count(s => s == "COMPLETED"));
        Assert.Equal(40, finals.Count(s => s == "REJECTED"));
        Assert.Equal((0, 0, 0), await shop.StockAsync(productId));
    }

    /// <summary>The next <c>orderStatusChanged</c> event on the socket, skipping pings; null once the subscription ends.</summary>
    private static async Task<JsonElement?> NextOverWebSocketAsync(GraphQLWsClient socket)
    {
        while (await socket.ReceiveAsync(LiveShop.Patience) is { } message)
        {
            switch (message.GetProperty("type").GetString())
            {
                case "next":
                    return message.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged");
                case "ping" or "pong":
                    continue;
                default:
                    Assert.Fail($"The subscription ended: {message.GetRawText()}");
                    break;
            }
        }

        return null;
    }

    /// <summary>Status events until COMPLETED (or another end), in the order received.</summary>
    private static async Task<List<JsonElement>> ReadUntilCompletedAsync(Func<Task<JsonElement?>> next)
    {
        var events = new List<JsonElement>();
        while (await next() is { } received)
        {
            events.Add(received);
            if (LiveShop.Terminal.Contains(received.GetProperty("to").GetString()))
            {
                break;
            }
        }

        return events;
    }
}
