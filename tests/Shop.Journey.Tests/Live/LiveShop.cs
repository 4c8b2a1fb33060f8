using System.Text.Json;
using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests.Live;

/// <summary>What the live journeys do through the gateway: stock a product as the admin, order it, pay as the customer would.</summary>
internal sealed class LiveShop(ShopPlatform platform, string adminToken)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static readonly string[] Terminal = ["COMPLETED", "REJECTED", "CANCELLED"];

    public ShopPlatform Platform => platform;

    public static async Task<LiveShop> SignInAsync(ShopPlatform platform)
    {
        var login = await platform.Client().PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }",
            new { i = new { email = ShopPlatform.AdminEmail, password = ShopPlatform.AdminPassword } });
        return new LiveShop(platform, login.EnsureNoErrors().Data.GetProperty("login").GetProperty("accessToken").GetString()!);
    }

    /// <summary>A product of its own for each test, so stock figures are exact: <paramref name="units"/> on hand.</summary>
    public async Task<string> StockedProductAsync(int units)
    {
        var admin = platform.Client(adminToken);
        var created = await admin.PostAsync(
            "mutation ($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code message } } }",
            new { i = new { sku = "LIVE-" + Guid.NewGuid().ToString("N")[..12], name = "Live journey lamp", price = "129000" } });
        var id = created.EnsureNoErrors().Data.GetProperty("createProduct").GetProperty("product").GetProperty("id").GetString()!;
        var stocked = await admin.PostAsync(
            "mutation ($i: SetStockInput!) { setStock(input: $i) { errors { code } } }",
            new { i = new { productId = id, total = units, reason = "Live journey delivery" } });
        Assert.Empty(stocked.EnsureNoErrors().Data.GetProperty("setStock").GetProperty("errors").EnumerateArray());
        return id;
    }

    /// <summary>The product's stock as the admin sees it.</summary>
    public async Task<(int Total, int Reserved, int Available)> StockAsync(string productId)
    {
        var read = await platform.Client(adminToken).PostAsync("query ($id: ID!) { product(id: $id) { stock { total reserved available } } }", new { id = productId });
        var stock = read.EnsureNoErrors().Data.GetProperty("product").GetProperty("stock");
        return (stock.GetProperty("total").GetInt32(), stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32());
    }

    public static async Task<string> PlaceAsync(GraphQLHttpClient customer, string productId, int quantity)
    {
        var placed = await customer.PostAsync(
            "mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id status } errors { code message } } }",
            new { i = new { items = new[] { new { productId, quantity } }, idempotencyKey = Guid.NewGuid().ToString("N") } });
        var payload = placed.EnsureNoErrors().Data.GetProperty("placeOrder");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    /// <summary>The order's status and, once payments made it, its payment (null before).</summary>
    public static async Task<(string Status, JsonElement? Payment)> ReadAsync(GraphQLHttpClient customer, string orderId)
    {
        var read = await customer.PostAsync("query ($id: ID!) { order(id: $id) { status payment { appTransId status orderUrl } } }", new { id = orderId });
        var order = read.EnsureNoErrors().Data.GetProperty("order");
        var payment = order.GetProperty("payment");
        return (order.GetProperty("status").GetString()!, payment.ValueKind == JsonValueKind.Object ? payment : null);
    }

    /// <summary>Polls the order through the gateway until <paramref name="done"/> holds for its status; returns that status.</summary>
    public static async Task<string> WaitForAsync(GraphQLHttpClient customer, string orderId, Func<string, bool> done, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            var (status, _) = await ReadAsync(customer, orderId);
            if (done(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < until, $"Order {orderId} is still {status}.");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Waits for the order's payment as the storefront does (<c>order.payment</c> through the gateway),
    /// pays it on the sandbox, and returns the order's final status; an order that never gets a payment
    /// (rejected) returns as soon as it ends.
    /// </summary>
    public async Task<string> PayWhenAskedAsync(GraphQLHttpClient customer, string orderId, TimeSpan? poll = null)
    {
        var interval = poll ?? TimeSpan.FromMilliseconds(250);
        var until = DateTime.UtcNow + Patience;
        var paid = false;
        while (true)
        {
            var (status, payment) = await ReadAsync(customer, orderId);
            if (Terminal.Contains(status))
            {
                return status;
            }

            if (!paid && payment is { } pending && pending.GetProperty("status").GetString() == "PENDING")
            {
                Assert.False(string.IsNullOrEmpty(pending.GetProperty("orderUrl").GetString()));
                await platform.Sandbox.Control.PayAsync(pending.GetProperty("appTransId").GetString()!);
                paid = true;
            }

            Assert.True(DateTime.UtcNow < until, $"Order {orderId} is still {status}.");
            await Task.Delay(interval);
        }
    }
}
