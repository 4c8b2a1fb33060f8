using System.Text.Json;

namespace Shop.Orders.Tests.Api;

/// <summary>Who may see an order: its customer and admins; everyone else sees nothing at all.</summary>
public sealed class ReadAuthorizationTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    private const string OrderFields = "id code status total { amount currencyCode } items { product { id } productName quantity unitPrice { amount } lineTotal { amount } } statusHistory { from to reason at } customer { id } cancelRequested createdAt";

    [Fact]
    public async Task Owner_ReadsTheOrderByIdAndByCode()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var client = orders.Client(orders.Tokens.Customer(customer));

        var byId = await client.PostAsync($"query ($id: ID!) {{ order(id: $id) {{ {OrderFields} }} }}", new { id = order.Id });
        var byCode = await client.PostAsync($"query ($c: String!) {{ orderByCode(code: $c) {{ id }} }}", new { c = order.Code.ToLowerInvariant() });

        var read = byId.EnsureNoErrors().Data.GetProperty("order");
        Assert.Equal(order.Code, read.GetProperty("code").GetString());
        Assert.Equal("PENDING", read.GetProperty("status").GetString());
        Assert.Equal(order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), read.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(customer.ToString(), read.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal(order.Lines.Count, read.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("statusHistory")[0].GetProperty("from").ValueKind);
        Assert.Equal(order.Id.ToString(), byCode.EnsureNoErrors().Data.GetProperty("orderByCode").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnotherCustomer_SeesNoOrder()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var stranger = orders.Client(orders.Tokens.Customer());

        var byId = await stranger.PostAsync("query ($id: ID!) { order(id: $id) { id } }", new { id = order.Id });
        var byCode = await stranger.PostAsync("query ($c: String!) { orderByCode(code: $c) { id } }", new { c = order.Code });
        var mine = await stranger.PostAsync("{ myOrders { totalCount } }");

        Assert.Equal(JsonValueKind.Null, byId.EnsureNoErrors().Data.GetProperty("order").ValueKind);
        Assert.Equal(JsonValueKind.Null, byCode.EnsureNoErrors().Data.GetProperty("orderByCode").ValueKind);
        Assert.Equal(0, mine.EnsureNoErrors().Data.GetProperty("myOrders").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AnotherCustomer_CannotFetchItThroughEntities()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());

        var response = await orders.Client(orders.Tokens.Customer()).PostAsync(
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id code } } }",
            new { r = new[] { new { __typename = "Order", id = order.Id } } });

        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("_entities")[0].ValueKind);
    }

    [Fact]
    public async Task Admin_ReadsAnyOrder_AndListsEveryone()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var admin = orders.Client(orders.Tokens.Admin());

        var byId = await admin.PostAsync("query ($id: ID!) { order(id: $id) { id } }", new { id = order.Id });
        var all = await admin.PostAsync("query ($c: ID) { orders(customerId: $c) { totalCount nodes { id } } }", new { c = customer });

        Assert.Equal(order.Id.ToString(), byId.EnsureNoErrors().Data.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal(1, all.EnsureNoErrors().Data.GetProperty("orders").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Customer_CannotListEveryone()
    {
        var response = await orders.Client(orders.Tokens.Customer()).PostAsync("{ orders { totalCount } }");

        Assert.Equal("FORBIDDEN", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Anonymous_IsUnauthenticated()
    {
        var response = await orders.Client(null).PostAsync("{ myOrders { totalCount } }");

        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task MyOrders_PagesNewestFirst_AndFiltersByStatus()
    {
        var customer = Guid.NewGuid();
        var placed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await orders.SeedOrderAsync(customer)).Id);
        }

        await orders.Grpc().TransitionAsync(new Grpc.TransitionRequest { OrderId = placed[1].ToString(), To = Grpc.OrderStatus.Reserved, Reason = "held" });
        var client = orders.Client(orders.Tokens.Customer(customer));
        const string Query = "query ($after: String, $s: OrderStatus) { myOrders(first: 2, after: $after, status: $s) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }";

        var seen = new List<string>();
        string? after = null;
        JsonElement page;
        do
        {
            page = (await client.PostAsync(Query, new { after, s = (string?)null })).EnsureNoErrors().Data.GetProperty("myOrders");
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var reserved = (await client.PostAsync(Query, new { after = (string?)null, s = "RESERVED" })).EnsureNoErrors().Data.GetProperty("myOrders");
        Assert.Equal(placed.AsEnumerable().Reverse().Select(id => id.ToString()), seen);
        Assert.Equal(placed[1].ToString(), Assert.Single(reserved.GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Paging_WithAForgedCursorOrSize_IsRefused()
    {
        var client = orders.Client(orders.Tokens.Customer());

        var cursor = await client.PostAsync("{ myOrders(after: \"bm9wZQ\") { totalCount } }");
        var size = await client.PostAsync("{ myOrders(first: 1000) { totalCount } }");

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(cursor.ErrorCodes));
        Assert.Equal("INVALID_ARGUMENT", Assert.Single(size.ErrorCodes));
    }

    [Fact]
    public async Task UserOrders_ForManyUsers_ResolveTogether_AndOnlyForThemselves()
    {
        var customer = Guid.NewGuid();
        await orders.SeedOrderAsync(customer);
        await orders.SeedOrderAsync(customer);
        const string Query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders(first: 1) { totalCount nodes { id } } } } }";

        var own = await orders.Client(orders.Tokens.Customer(customer)).PostAsync(Query, new { r = new[] { new { __typename = "User", id = customer } } });
        var other = await orders.Client(orders.Tokens.Customer()).PostAsync(Query, new { r = new[] { new { __typename = "User", id = customer } } });
        var admin = await orders.Client(orders.Tokens.Admin()).PostAsync(
            Query, new { r = new[] { new { __typename = "User", id = customer }, new { __typename = "User", id = Guid.NewGuid() } } });

        Assert.Equal(2, own.EnsureNoErrors().Data.GetProperty("_entities")[0].GetProperty("orders").GetProperty("totalCount").GetInt32());
        Assert.Contains("FORBIDDEN", other.ErrorCodes);
        var entities = admin.EnsureNoErrors().Data.GetProperty("_entities");
        Assert.Equal(1, entities[0].GetProperty("orders").GetProperty("nodes").GetArrayLength());
        Assert.Equal(0, entities[1].GetProperty("orders").GetProperty("totalCount").GetInt32());
    }
}
