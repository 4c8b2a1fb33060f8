using System.Net;
using System.Text.Json;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests;

/// <summary>A storefront's whole conversation with Shop, through the gateway, on real services.</summary>
public sealed class CustomerJourneyTests(PlatformFixture fixture)
{
    private ShopPlatform Platform => fixture.Platform;

    private const string Catalog = """
        query ($categoryId: ID) {
          categories { id name }
          products(first: 5, where: { categoryId: $categoryId, inStock: true }, order: [{ field: PRICE, direction: ASC }]) {
            totalCount
            edges { node { id name price { amount formatted } categories { name } stock { available inStock } } }
          }
        }
        """;

    private const string OrderAcrossSubgraphs = """
        query ($id: ID!) {
          order(id: $id) {
            code status total { amount }
            customer { id email firstName }
            items { quantity productName lineTotal { amount } product { id name sku price { amount } } }
            statusHistory { to reason }
          }
        }
        """;

    private const string Watch = "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { to from reason order { code status } } }";

    private async Task<(string OrderId, JsonElement Products)> BrowseAndOrderAsync(Customer customer)
    {
        var anonymous = await Platform.Client().PostAsync(Catalog, new { categoryId = (string?)null });
        var catalog = anonymous.EnsureNoErrors().Data;
        var category = catalog.GetProperty("categories")[0].GetProperty("id").GetString();
        var inCategory = (await customer.Client(Platform).PostAsync(Catalog, new { categoryId = category })).EnsureNoErrors().Data;
        var products = inCategory.GetProperty("products").GetProperty("edges");
        Assert.True(products.GetArrayLength() >= 2);

        var items = products.EnumerateArray().Take(2).Select((edge, i) => new { productId = edge.GetProperty("node").GetProperty("id").GetString(), quantity = i + 1 }).ToArray();
        var placed = await customer.Client(Platform).PostAsync(
            "mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id status } errors { code message } } }",
            new { i = new { items, idempotencyKey = Guid.NewGuid().ToString("N") } });
        var order = placed.EnsureNoErrors().Data.GetProperty("placeOrder").GetProperty("order");
        Assert.Equal("PENDING", order.GetProperty("status").GetString());
        return (order.GetProperty("id").GetString()!, products);
    }

    [Fact]
    public async Task Journey_RegisterBrowseOrderAndReadItBack_AcrossSubgraphsInOneRequest()
    {
        var customer = await Customer.RegisterAsync(Platform, "Lan");
        var (orderId, products) = await BrowseAndOrderAsync(customer);

        var response = await customer.Client(Platform).PostAsync(OrderAcrossSubgraphs, new { id = orderId });

        var order = response.EnsureNoErrors().Data.GetProperty("order");
        Assert.Equal(customer.Email, order.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("Lan", order.GetProperty("customer").GetProperty("firstName").GetString());
        var items = order.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            var product = item.GetProperty("product");
            Assert.Equal(item.GetProperty("productName").GetString(), product.GetProperty("name").GetString());
            var unit = decimal.Parse(product.GetProperty("price").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var line = decimal.Parse(item.GetProperty("lineTotal").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(unit * item.GetProperty("quantity").GetInt32(), line);
        }

        var total = decimal.Parse(order.GetProperty("total").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(items.Sum(i => decimal.Parse(i.GetProperty("lineTotal").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), total);
        Assert.Contains(products.EnumerateArray(), p => p.GetProperty("node").GetProperty("id").GetString() == items[0].GetProperty("product").GetProperty("id").GetString());

        var mine = await customer.Client(Platform).PostAsync("{ me { email orders(first: 5) { totalCount nodes { id } } } }");
        Assert.Equal(orderId, mine.EnsureNoErrors().Data.GetProperty("me").GetProperty("orders").GetProperty("nodes")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Journey_WatchOverSseAndWebSocket_ReceivesATransitionSentOverGrpc()
    {
        var customer = await Customer.RegisterAsync(Platform, "Minh");
        var (orderId, _) = await BrowseAndOrderAsync(customer);
        await using var sse = await SseClient.PostAsync(
            new HttpClient { BaseAddress = Platform.Gateway.Address }, Watch, new { id = orderId }, customer.AccessToken);
        await using var socket = await GraphQLWsClient.ConnectAsync(Platform.Gateway.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + customer.AccessToken });
        await socket.SubscribeAsync("watch", Watch, new { id = orderId });
        var orders = new OrdersService.OrdersServiceClient(Platform.Orders.GrpcChannel(ShopServices.Orchestrator));
        var sseEvent = Task.Run(() => sse.ReadEventAsync(TimeSpan.FromSeconds(30)));
        var wsEvent = Task.Run(() => socket.ReceiveAsync(TimeSpan.FromSeconds(30)));

        // The gateway opens its own subscription to the orders subgraph for each client; send the
        // transition once both have arrived there.
        var hub = Platform.Orders.GetRequiredService<OrderEventHub>();
        await Eventually.TrueAsync(() => hub.WatchersOf(Guid.Parse(orderId), customer.Id) == 2, TimeSpan.FromSeconds(30));
        await orders.TransitionAsync(new TransitionRequest { OrderId = orderId, To = OrderStatus.Reserved, Reason = "Stock held" });

        var overSse = (await sseEvent)!.Json.GetProperty("data").GetProperty("orderStatusChanged");
        var overWs = (await wsEvent)!.Value.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged");
        foreach (var received in new[] { overSse, overWs })
        {
            Assert.Equal("RESERVED", received.GetProperty("to").GetString());
            Assert.Equal("PENDING", received.GetProperty("from").GetString());
            Assert.Equal("Stock held", received.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Journey_PayThroughZaloPay_CallbackThroughTheGateway_PaymentReadWithTheOrder()
    {
        var customer = await Customer.RegisterAsync(Platform, "Thu");
        var (orderId, _) = await BrowseAndOrderAsync(customer);
        const string OrderWithPayment = "query ($id: ID!) { order(id: $id) { code total { amount } payment { status orderUrl amount { amount } } } }";
        var order = (await customer.Client(Platform).PostAsync(OrderWithPayment, new { id = orderId })).EnsureNoErrors().Data.GetProperty("order");
        Assert.Equal(JsonValueKind.Null, order.GetProperty("payment").ValueKind);

        // What the orchestrator does once stock is reserved.
        var payments = new PaymentsService.PaymentsServiceClient(Platform.Payments.GrpcChannel(ShopServices.Orchestrator));
        var total = decimal.Parse(order.GetProperty("total").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var created = await payments.CreatePaymentAsync(new CreatePaymentRequest
        {
            OrderId = orderId,
            OrderCode = order.GetProperty("code").GetString(),
            CustomerId = customer.Id.ToString(),
            Amount = total.ToMoney("VND"),
            Description = "Shop order",
        });

        var pending = (await customer.Client(Platform).PostAsync(OrderWithPayment, new { id = orderId })).EnsureNoErrors().Data.GetProperty("order").GetProperty("payment");
        Assert.Equal("PENDING", pending.GetProperty("status").GetString());
        Assert.Equal(created.OrderUrl, pending.GetProperty("orderUrl").GetString());

        // The customer pays; ZaloPay's callback reaches payments through the gateway's public path.
        var paid = await Platform.Sandbox.Control.PayAsync(created.AppTransId);
        Assert.Equal(1, Assert.Single(paid.Deliveries).ReturnCode);

        var after = (await customer.Client(Platform).PostAsync(OrderWithPayment, new { id = orderId })).EnsureNoErrors().Data.GetProperty("order").GetProperty("payment");
        Assert.Equal("PAID", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("orderUrl").ValueKind);
    }

    [Fact]
    public async Task Journey_WatchingTheOrder_AwaitingPaymentEventCarriesWhereToPay()
    {
        var customer = await Customer.RegisterAsync(Platform, "Vy");
        var (orderId, _) = await BrowseAndOrderAsync(customer);
        const string WatchPayment = "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { to order { status payment { status orderUrl } } } }";
        await using var socket = await GraphQLWsClient.ConnectAsync(Platform.Gateway.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + customer.AccessToken });
        await socket.SubscribeAsync("watch", WatchPayment, new { id = orderId });
        var hub = Platform.Orders.GetRequiredService<OrderEventHub>();
        await Eventually.TrueAsync(() => hub.WatchersOf(Guid.Parse(orderId), customer.Id) == 1, TimeSpan.FromSeconds(30));

        // What the orchestrator does: reserve, create the payment, then say the order awaits it.
        var orders = new OrdersService.OrdersServiceClient(Platform.Orders.GrpcChannel(ShopServices.Orchestrator));
        var payments = new PaymentsService.PaymentsServiceClient(Platform.Payments.GrpcChannel(ShopServices.Orchestrator));
        await orders.TransitionAsync(new TransitionRequest { OrderId = orderId, To = OrderStatus.Reserved, Reason = "Stock reserved." });
        var stored = await orders.GetOrderAsync(new GetOrderRequest { OrderId = orderId });
        var created = await payments.CreatePaymentAsync(new CreatePaymentRequest
        {
            OrderId = orderId,
            OrderCode = stored.Code,
            CustomerId = customer.Id.ToString(),
            Amount = stored.Total,
            Description = "Shop order",
        });
        await orders.TransitionAsync(new TransitionRequest { OrderId = orderId, To = OrderStatus.AwaitingPayment, Reason = "Waiting for the ZaloPay payment." });

        var reserved = (await socket.ReceiveAsync(TimeSpan.FromSeconds(30)))!.Value.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged");
        var awaiting = (await socket.ReceiveAsync(TimeSpan.FromSeconds(30)))!.Value.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged");
        Assert.Equal("RESERVED", reserved.GetProperty("to").GetString());
        Assert.Equal("AWAITING_PAYMENT", awaiting.GetProperty("to").GetString());
        var payment = awaiting.GetProperty("order").GetProperty("payment");
        Assert.Equal("PENDING", payment.GetProperty("status").GetString());
        Assert.Equal(created.OrderUrl, payment.GetProperty("orderUrl").GetString());
    }

    [Fact]
    public async Task Journey_AnotherCustomer_CanNeitherReadNorWatchTheOrder()
    {
        var owner = await Customer.RegisterAsync(Platform, "Hoa");
        var stranger = await Customer.RegisterAsync(Platform, "Tuan");
        var (orderId, _) = await BrowseAndOrderAsync(owner);

        var read = await stranger.Client(Platform).PostAsync("query ($id: ID!) { order(id: $id) { id code } }", new { id = orderId });
        await using var socket = await GraphQLWsClient.ConnectAsync(Platform.Gateway.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + stranger.AccessToken });
        await socket.SubscribeAsync("peek", Watch, new { id = orderId });
        var watched = (await socket.ReceiveAsync(TimeSpan.FromSeconds(30)))!.Value;

        Assert.Equal(JsonValueKind.Null, read.EnsureNoErrors().Data.GetProperty("order").ValueKind);
        Assert.Contains("NOT_FOUND", watched.GetRawText());
        Assert.DoesNotContain("SHP-", watched.GetRawText());
    }

    [Fact]
    public async Task Gateway_RefusesAnInvalidToken_WithAClearError()
    {
        var customer = await Customer.RegisterAsync(Platform, "Quang");
        var forged = customer.AccessToken[..^4] + (customer.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var response = await Platform.Client(forged).PostAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }
}
