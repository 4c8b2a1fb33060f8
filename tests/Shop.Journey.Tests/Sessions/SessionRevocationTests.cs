using System.Diagnostics;
using System.Text.Json;
using Shop.Orders.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing.Clients;

namespace Shop.Journey.Tests.Sessions;

/// <summary>
/// A logged-out session's subscriptions end at the orders service, over SSE and graphql-transport-ws,
/// with SESSION_ENDED: users streams the revocation to orders over mutual-TLS gRPC.
/// </summary>
public sealed class SessionRevocationTests(RevocationServices services) : IClassFixture<RevocationServices>
{
    private const string Watch = "subscription ($id: ID!) { orderStatusChanged(orderId: $id, afterSequence: 0) { sequence to } }";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Logout_EndsTheSessionsSseSubscription_AnotherSessionOfTheUserStaysOpen()
    {
        var (customerId, email) = await services.RegisterAsync();
        var leaving = await services.LoginAsync(email);
        var staying = await services.LoginAsync(email);
        var orderId = await services.SeedOrderAsync(customerId);
        await using var ended = await SubscribeSseAsync(orderId, leaving.AccessToken);
        await using var open = await SubscribeSseAsync(orderId, staying.AccessToken);

        var clock = Stopwatch.StartNew();
        await services.LogoutAsync(leaving.RefreshToken);
        var last = await ReadUntilEndAsync(ended);
        var took = clock.Elapsed;
        await TransitionAsync(orderId);
        var stillFlowing = (await open.ReadEventAsync(Soon))!.Json;

        Assert.Equal("SESSION_ENDED", Code(last));
        Assert.Contains("logged out", last.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"logout mutation sent to the session's end received: {took.TotalMilliseconds:F0} ms");
        Assert.True(took < Soon, $"ended after {took}");
        Assert.Equal("RESERVED", stillFlowing.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Logout_EndsTheSessionsWebSocketSubscription_AndANewSubscribeIsRefused()
    {
        var (customerId, email) = await services.RegisterAsync();
        var session = await services.LoginAsync(email);
        var orderId = await services.SeedOrderAsync(customerId);
        await using var socket = await GraphQLWsClient.ConnectAsync(services.Orders.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + session.AccessToken });
        await socket.SubscribeAsync("watch", Watch, new { id = orderId });
        Assert.Equal("next", (await socket.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await services.LogoutAsync(session.RefreshToken);
        var ended = await ReceiveTwoAsync(socket);
        await socket.SubscribeAsync("again", Watch, new { id = orderId });
        var refused = await ReceiveTwoAsync(socket);
        await socket.SendAsync(new { type = "ping" });
        var pong = (await socket.ReceiveAsync(Soon))!.Value;

        foreach (var (id, messages) in new[] { ("watch", ended), ("again", refused) })
        {
            Assert.Equal([("next", id), ("complete", id)], messages.Select(m => (m.GetProperty("type").GetString(), m.GetProperty("id").GetString())));
            Assert.Equal("SESSION_ENDED", Code(messages[0].GetProperty("payload")));
        }

        Assert.Equal("pong", pong.GetProperty("type").GetString());
    }

    [Fact]
    public async Task RefreshTokenReuse_EndsTheSessionsSubscription()
    {
        var (customerId, email) = await services.RegisterAsync();
        var session = await services.LoginAsync(email);
        var orderId = await services.SeedOrderAsync(customerId);
        await using var stream = await SubscribeSseAsync(orderId, session.AccessToken);

        Assert.Empty((await services.RefreshAsync(session.RefreshToken)).GetProperty("errors").EnumerateArray());
        var replay = await services.RefreshAsync(session.RefreshToken);
        var last = await ReadUntilEndAsync(stream);

        Assert.Equal("REFRESH_TOKEN_REUSED", replay.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("SESSION_ENDED", Code(last));
    }

    [Fact]
    public async Task LogoutWhileTheWatchedUsersInstanceIsDown_EndsTheSubscriptionOnceItIsBack()
    {
        var (customerId, email) = await services.RegisterAsync();
        var session = await services.LoginAsync(email);
        var orderId = await services.SeedOrderAsync(customerId);
        await using var stream = await SubscribeSseAsync(orderId, session.AccessToken);

        await services.StopUsersAsync();
        try
        {
            await services.LogoutAsync(session.RefreshToken);
            // Fail-open: without its stream orders cannot know, so the subscription goes on meanwhile.
            await TransitionAsync(orderId);
            var duringOutage = (await stream.ReadEventAsync(Soon))!.Json;
            Assert.Equal("RESERVED", duringOutage.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("to").GetString());
        }
        finally
        {
            await services.RestartUsersAsync();
        }

        var last = await ReadUntilEndAsync(stream, TimeSpan.FromSeconds(15));
        Assert.Equal("SESSION_ENDED", Code(last));
    }

    private async Task<SseStream> SubscribeSseAsync(Guid orderId, string accessToken)
    {
        var stream = await SseClient.PostAsync(services.OrdersHttp(), Watch, new { id = orderId }, accessToken);
        // The replayed placement: the subscription is live.
        var first = (await stream.ReadEventAsync(Soon))!.Json;
        Assert.Equal(1, first.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("sequence").GetInt32());
        return stream;
    }

    /// <summary>The last `next` payload before `complete` and the end of the stream.</summary>
    private static async Task<JsonElement> ReadUntilEndAsync(SseStream stream, TimeSpan? within = null)
    {
        JsonElement? last = null;
        using var deadline = new CancellationTokenSource(within ?? Soon);
        while (await stream.ReadEventAsync(within ?? Soon) is { } next && !deadline.IsCancellationRequested)
        {
            if (next.Event == "complete")
            {
                Assert.Null(await stream.ReadEventAsync(Soon));
                return last ?? throw new InvalidOperationException("The stream completed without a result.");
            }

            last = next.Json;
        }

        throw new InvalidOperationException($"The stream did not complete; last event: {last?.GetRawText()}");
    }

    private async Task TransitionAsync(Guid orderId)
    {
        var orders = new OrdersService.OrdersServiceClient(services.Orders.GrpcChannel(ShopServices.Orchestrator));
        await orders.TransitionAsync(new TransitionRequest { OrderId = orderId.ToString(), To = OrderStatus.Reserved, Reason = "Stock held" });
    }

    private static string? Code(JsonElement result) => result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static async Task<JsonElement[]> ReceiveTwoAsync(GraphQLWsClient socket)
        => [(await socket.ReceiveAsync(Soon))!.Value, (await socket.ReceiveAsync(Soon))!.Value];
}
