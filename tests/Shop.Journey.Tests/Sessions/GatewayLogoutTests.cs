using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Ordering;
using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests.Sessions;

/// <summary>A storefront logs out through the gateway; its live subscription ends with SESSION_ENDED.</summary>
public sealed class GatewayLogoutTests(PlatformFixture fixture)
{
    private const string Watch = "subscription ($id: ID!) { orderStatusChanged(orderId: $id, afterSequence: 0) { sequence to } }";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private ShopPlatform Platform => fixture.Platform;

    [Fact]
    public async Task LogoutThroughTheGateway_EndsTheClientsWebSocketSubscription_WithSessionEnded()
    {
        var (customerId, session) = await SignUpAsync();
        var orderId = await SeedOrderAsync(customerId);
        await using var socket = await GraphQLWsClient.ConnectAsync(Platform.Gateway.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + session.AccessToken });
        await socket.SubscribeAsync("watch", Watch, new { id = orderId });
        Assert.Equal("next", (await socket.ReceiveAsync(TimeSpan.FromSeconds(15)))!.Value.GetProperty("type").GetString());

        var clock = Stopwatch.StartNew();
        await LogoutAsync(session);
        var ended = (await socket.ReceiveAsync(Soon))!.Value;
        var took = clock.Elapsed;
        var complete = (await socket.ReceiveAsync(Soon))!.Value;

        Assert.Equal(("next", "watch"), (ended.GetProperty("type").GetString(), ended.GetProperty("id").GetString()));
        AssertSessionEnded(ended.GetProperty("payload"));
        Assert.Equal(("complete", "watch"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
        TestContext.Current.TestOutputHelper?.WriteLine($"logout mutation sent to the session's end received: {took.TotalMilliseconds:F0} ms");
        Assert.True(took < Soon, $"ended after {took}");
    }

    [Fact]
    public async Task LogoutThroughTheGateway_EndsTheClientsSseSubscription_WithSessionEnded()
    {
        var (customerId, session) = await SignUpAsync();
        var orderId = await SeedOrderAsync(customerId);
        await using var stream = await SseClient.PostAsync(new HttpClient { BaseAddress = Platform.Gateway.Address }, Watch, new { id = orderId }, session.AccessToken);
        Assert.Equal(1, (await stream.ReadEventAsync(TimeSpan.FromSeconds(15)))!.Json.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("sequence").GetInt32());

        var clock = Stopwatch.StartNew();
        await LogoutAsync(session);
        var ended = (await stream.ReadEventAsync(Soon))!;
        var took = clock.Elapsed;
        var complete = (await stream.ReadEventAsync(Soon))!;

        Assert.Equal("next", ended.Event);
        AssertSessionEnded(ended.Json);
        Assert.Equal("complete", complete.Event);
        TestContext.Current.TestOutputHelper?.WriteLine($"logout mutation sent to the session's end received: {took.TotalMilliseconds:F0} ms");
        Assert.True(took < Soon, $"ended after {took}");
    }

    private static void AssertSessionEnded(JsonElement result)
    {
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("SESSION_ENDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("logged out", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<(Guid CustomerId, SignedIn Session)> SignUpAsync()
    {
        var customer = await Customer.RegisterAsync(Platform, "Hoa");
        var login = await Platform.Client().PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }",
            new { i = new { email = customer.Email, password = "Correct-Horse-Battery-9" } });
        return (customer.Id, SignedIn.From(login.EnsureNoErrors().Data.GetProperty("login")));
    }

    private async Task LogoutAsync(SignedIn session)
    {
        var logout = await Platform.Client(session.AccessToken).PostAsync(
            "mutation ($i: LogoutInput!) { logout(input: $i) { loggedOut } }", new { i = new { refreshToken = session.RefreshToken } });
        Assert.True(logout.EnsureNoErrors().Data.GetProperty("logout").GetProperty("loggedOut").GetBoolean());
    }

    private async Task<Guid> SeedOrderAsync(Guid customerId)
    {
        await using var scope = Platform.Orders.Services.CreateAsyncScope();
        var order = Order.Place(customerId, Guid.NewGuid().ToString("N"), [new OrderLine(Guid.CreateVersion7(), "Kettle", 250_000m, 1)], OrderCode.New(), DateTimeOffset.UtcNow);
        return (await scope.ServiceProvider.GetRequiredService<IOrderRepository>().AddAsync(order, default)).Id;
    }
}
