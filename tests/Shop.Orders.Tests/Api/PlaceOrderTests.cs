using System.Text.Json;

namespace Shop.Orders.Tests.Api;

/// <summary>Placing orders against the real products service over gRPC.</summary>
public sealed class PlaceOrderTests(PlacementHost orders) : IClassFixture<PlacementHost>
{
    private const string Place = """
        mutation ($items: [OrderItemInput!]!, $key: String!) {
          placeOrder(input: { items: $items, idempotencyKey: $key }) {
            order { id code status total { amount currencyCode } items { product { id } productName quantity unitPrice { amount } lineTotal { amount } } statusHistory { from to reason } }
            errors { code message field }
          }
        }
        """;

    private static object Item(Guid productId, int quantity) => new { productId, quantity };

    private static object Item(string productId, int quantity) => new { productId, quantity };

    private async Task<JsonElement> PlaceAsync(string token, object[] items, string? key = null)
    {
        var response = await orders.Client(token).PostAsync(Place, new { items, key = key ?? Guid.NewGuid().ToString("N") });
        return response.EnsureNoErrors().Data.GetProperty("placeOrder");
    }

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    [Fact]
    public async Task PlaceOrder_SnapshotsNamesAndPrices_AndStartsPending()
    {
        var coffee = await orders.CreateProductAsync("Cà phê sữa đá", "29000");
        var tea = await orders.CreateProductAsync("Trà đào", "45000");

        var payload = await PlaceAsync(orders.Tokens.Customer(), [Item(coffee, 2), Item(tea, 1), Item(coffee, 1)]);

        Assert.Empty(Codes(payload));
        var order = payload.GetProperty("order");
        Assert.Equal("PENDING", order.GetProperty("status").GetString());
        Assert.Matches("^SHP-[0-9A-Z]{4}-[0-9A-Z]{4}$", order.GetProperty("code").GetString());
        Assert.Equal("132000", order.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("VND", order.GetProperty("total").GetProperty("currencyCode").GetString());
        var lines = order.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("productName").GetString()!);
        Assert.Equal(3, lines["Cà phê sữa đá"].GetProperty("quantity").GetInt32());
        Assert.Equal("87000", lines["Cà phê sữa đá"].GetProperty("lineTotal").GetProperty("amount").GetString());
        Assert.Equal(tea.ToString(), lines["Trà đào"].GetProperty("product").GetProperty("id").GetString());
        var history = Assert.Single(order.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal("PENDING", history.GetProperty("to").GetString());
    }

    [Fact]
    public async Task PlaceOrder_SameKeyTwice_ReturnsTheSameOrder()
    {
        var token = orders.Tokens.Customer();
        var product = await orders.CreateProductAsync("Bánh mì", "25000");

        var first = await PlaceAsync(token, [Item(product, 1)], "retry-1");
        var again = await PlaceAsync(token, [Item(product, 1)], "retry-1");

        Assert.Equal(first.GetProperty("order").GetProperty("id").GetString(), again.GetProperty("order").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PlaceOrder_SameKeyForADifferentOrder_IsRefused()
    {
        var token = orders.Tokens.Customer();
        var product = await orders.CreateProductAsync("Phở bò", "65000");
        await PlaceAsync(token, [Item(product, 1)], "reused");

        var different = await PlaceAsync(token, [Item(product, 2)], "reused");

        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], Codes(different));
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentRetriesOfOneKey_StoreOneOrder()
    {
        var customer = Guid.NewGuid();
        var token = orders.Tokens.Customer(customer);
        var product = await orders.CreateProductAsync("Cơm tấm", "55000");

        var placed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PlaceAsync(token, [Item(product, 1)], "double-click")));

        Assert.Single(placed.Select(p => p.GetProperty("order").GetProperty("id").GetString()).Distinct());
        var mine = await orders.Client(token).PostAsync("{ myOrders { totalCount } }");
        Assert.Equal(1, mine.EnsureNoErrors().Data.GetProperty("myOrders").GetProperty("totalCount").GetInt32());
    }

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "no-items", "NO_ITEMS" },
        { "too-many-items", "TOO_MANY_ITEMS" },
        { "zero-quantity", "INVALID_QUANTITY" },
        { "huge-quantity", "INVALID_QUANTITY" },
        { "merged-over-limit", "INVALID_QUANTITY" },
        { "bad-product-id", "INVALID_ID" },
        { "unknown-product", "NOT_FOUND" },
        { "archived-product", "PRODUCT_UNAVAILABLE" },
        { "bad-key", "INVALID_IDEMPOTENCY_KEY" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task PlaceOrder_InvalidRequest_IsRefusedWithACode_AndStoresNothing(string kind, string code)
    {
        var customer = Guid.NewGuid();
        var token = orders.Tokens.Customer(customer);
        var product = await orders.CreateProductAsync("Gỏi cuốn", "40000");
        var archived = kind == "archived-product" ? await orders.CreateProductAsync("Bún chả", "50000", active: false) : Guid.Empty;
        var (items, key) = kind switch
        {
            "no-items" => (Array.Empty<object>(), "k"),
            "too-many-items" => (Enumerable.Range(0, 51).Select(_ => Item(Guid.NewGuid(), 1)).ToArray(), "k"),
            "zero-quantity" => (new[] { Item(product, 0) }, "k"),
            "huge-quantity" => (new[] { Item(product, 1001) }, "k"),
            "merged-over-limit" => (new[] { Item(product, 600), Item(product, 600) }, "k"),
            "bad-product-id" => (new[] { Item("not-a-uuid", 1) }, "k"),
            "unknown-product" => (new[] { Item(Guid.NewGuid(), 1) }, "k"),
            "archived-product" => (new[] { Item(archived, 1) }, "k"),
            _ => (new[] { Item(product, 1) }, "has spaces and !"),
        };

        var payload = await PlaceAsync(token, items, key);

        Assert.Contains(code, Codes(payload));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        var mine = await orders.Client(token).PostAsync("{ myOrders { totalCount } }");
        Assert.Equal(0, mine.EnsureNoErrors().Data.GetProperty("myOrders").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task PlaceOrder_ReportsEveryProblemAtOnce_WithTheField()
    {
        var payload = await PlaceAsync(orders.Tokens.Customer(), [Item("nope", 1), Item(Guid.NewGuid(), 0)], "");

        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "items[0].productId");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "items[1].quantity");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "idempotencyKey");
    }

    [Fact]
    public async Task PlaceOrder_Anonymous_IsUnauthenticated()
    {
        var response = await orders.Client(null).PostAsync(Place, new { items = new[] { Item(Guid.NewGuid(), 1) }, key = "k" });

        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }
}
