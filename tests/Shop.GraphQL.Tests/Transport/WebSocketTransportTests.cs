using System.Net.WebSockets;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>graphql-transport-ws: every message type and every close code the protocol defines.</summary>
public sealed class WebSocketTransportTests(WebSocketTransportTests.Host sample) : IClassFixture<WebSocketTransportTests.Host>
{
    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            // Long enough for a loaded machine to send connection_init; the timeout test waits it out.
            ["Shop:GraphQL:WebSocketInitTimeout"] = "00:00:02",
        };
    }

    private Task<GraphQLWsClient> ConnectAsync(string? subProtocol = GraphQLWsClient.SubProtocol, string? bearer = null)
        => GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress, subProtocol, bearer);

    [Fact]
    public async Task ConnectionInit_IsAcknowledged()
    {
        await using var client = await ConnectAsync();

        await client.InitAsync();

        Assert.Equal("graphql-transport-ws", client.NegotiatedProtocol);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_EvenBeforeInit()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Pong_IsIgnored()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SendAsync(new { type = "pong" });
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_StreamsNextMessagesThenComplete()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("s1", "subscription ($n: Int!) { count(to: $n) }", new { n = 3 });

        for (var expected = 1; expected <= 3; expected++)
        {
            var next = (await client.ReceiveAsync())!.Value;
            Assert.Equal("next", next.GetProperty("type").GetString());
            Assert.Equal("s1", next.GetProperty("id").GetString());
            Assert.Equal(expected, next.GetProperty("payload").GetProperty("data").GetProperty("count").GetInt32());
        }

        var complete = (await client.ReceiveAsync())!.Value;
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("s1", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Subscribe_Query_IsOneNextThenComplete()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("q", "{ hello }");

        Assert.Equal("world", (await client.ReceiveAsync())!.Value.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_InvalidDocument_SendsErrorAndNoComplete()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("bad", "subscription { nope }");
        var error = (await client.ReceiveAsync())!.Value;
        await client.SendAsync(new { type = "ping" });
        var after = (await client.ReceiveAsync())!.Value;

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.True(error.GetProperty("payload").GetArrayLength() > 0);
        Assert.Equal("pong", after.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ClientComplete_StopsTheSourceAndSendsNothingMore()
    {
        var before = sample.Probe.ActiveSubscribers;
        await using var client = await ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("f", "subscription { forever }");
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers > before);

        await client.CompleteAsync("f");
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before, because: "the source outlived complete");
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Disconnect_DisposesEverySource()
    {
        var before = sample.Probe.ActiveSubscribers;
        var client = await ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { forever }");
        await client.SubscribeAsync("b", "subscription { forever }");
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before + 2);

        await client.DisposeAsync();

        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before, because: "sources outlived the socket");
    }

    [Fact]
    public async Task CompletedId_CanBeReused()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("same", "{ hello }");
        await client.ReceiveAsync();
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SubscribeAsync("same", "{ hello }");

        Assert.Equal("next", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"kind":"ping"}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"x","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"x"}""")]
    [InlineData("""{"type":"subscribe","id":"x","payload":{"query":5}}""")]
    [InlineData("""{"type":"subscribe","id":"x","payload":{"query":"{ hello }","variables":[1]}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task InvalidMessage_Closes4400(string message)
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SendTextAsync(message);

        Assert.Equal((WebSocketCloseStatus)4400, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task InvalidConnectionInitPayload_Closes4400()
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync("""{"type":"connection_init","payload":"token"}""");

        Assert.Equal((WebSocketCloseStatus)4400, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task SubscribeBeforeAck_Closes4401()
    {
        await using var client = await ConnectAsync();

        await client.SubscribeAsync("early", "{ hello }");

        Assert.Equal((WebSocketCloseStatus)4401, await client.WaitForCloseAsync());
        Assert.Equal("Unauthorized", client.CloseDescription);
    }

    [Fact]
    public async Task InvalidTokenInConnectionParams_Closes4403()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + sample.Tokens.Expired(Guid.NewGuid()) } });

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task UnknownRoleInConnectionParams_Closes4403()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + sample.Tokens.Token(Guid.NewGuid(), "SUPERUSER") } });

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task ExpiringToken_ClosesTheSocket4403WhenItExpires()
    {
        var token = sample.Tokens.Token(Guid.NewGuid(), "CUSTOMER", lifetime: TimeSpan.FromSeconds(2));
        await using var client = await ConnectAsync();
        await client.InitAsync(new { Authorization = "Bearer " + token });
        await client.SubscribeAsync("f", "subscription { forever }");

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("Access token expired", client.CloseDescription);
    }

    [Fact]
    public async Task WrongSubprotocol_Closes4406()
    {
        await using var client = await ConnectAsync(subProtocol: "graphql-ws");

        Assert.Equal((WebSocketCloseStatus)4406, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task NoConnectionInit_Closes4408AfterTheTimeout()
    {
        await using var client = await ConnectAsync();

        Assert.Equal((WebSocketCloseStatus)4408, await client.WaitForCloseAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("Connection initialisation timeout", client.CloseDescription);
    }

    [Fact]
    public async Task DuplicateSubscriberId_Closes4409()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("dup", "subscription { forever }");
        await client.SubscribeAsync("dup", "subscription { forever }");

        Assert.Equal((WebSocketCloseStatus)4409, await client.WaitForCloseAsync());
        Assert.Equal("Subscriber for dup already exists", client.CloseDescription);
    }

    [Fact]
    public async Task SecondConnectionInit_Closes4429()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((WebSocketCloseStatus)4429, await client.WaitForCloseAsync());
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("token")]
    public async Task TokenInConnectionParams_IdentifiesTheCaller(string key)
    {
        var userId = Guid.NewGuid();
        var token = sample.Tokens.Customer(userId);
        await using var client = await ConnectAsync();
        await client.InitAsync(new Dictionary<string, string> { [key] = key == "token" ? token : "Bearer " + token });

        await client.SubscribeAsync("me", "subscription { whoami }");

        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal(userId.ToString(), next.GetProperty("payload").GetProperty("data").GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task TokenOnTheUpgradeRequest_IdentifiesTheCaller()
    {
        var userId = Guid.NewGuid();
        await using var client = await ConnectAsync(bearer: sample.Tokens.Customer(userId));
        await client.InitAsync();

        await client.SubscribeAsync("me", "subscription { whoami }");

        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal(userId.ToString(), next.GetProperty("payload").GetProperty("data").GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task Anonymous_SubscriptionNeedingACaller_GetsAnError()
    {
        await using var client = await ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("me", "subscription { whoami }");

        var message = (await client.ReceiveAsync())!.Value;
        // As graphql-ws does: a source stream that could not be created is one result with the
        // errors (a `next`, then `complete`); `error` is for documents that did not validate.
        Assert.Equal("next", message.GetProperty("type").GetString());
        Assert.Equal("UNAUTHENTICATED", message.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task InvalidBearerOnTheUpgrade_IsRefusedWith401()
    {
        var exception = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(bearer: sample.Tokens.WronglySigned(Guid.NewGuid())));

        Assert.Contains("401", exception.Message);
    }
}
