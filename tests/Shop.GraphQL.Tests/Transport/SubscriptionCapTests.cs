using System.Net;
using System.Text.Json;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>Concurrent subscriptions are capped per WebSocket and per user, over WebSocket and SSE alike.</summary>
public sealed class SubscriptionCapTests(SubscriptionCapTests.Host sample) : IClassFixture<SubscriptionCapTests.Host>
{
    private const string Forever = "subscription { forever }";

    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:GraphQL:MaxSubscriptionsPerConnection"] = "2",
            ["Shop:GraphQL:MaxSubscriptionsPerUser"] = "3",
        };
    }

    [Fact]
    public async Task WebSocket_SubscriptionOverTheConnectionCap_GetsAnErrorForItsIdOnly()
    {
        var before = sample.Probe.ActiveSubscribers;
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();
        await client.SubscribeAsync("s1", Forever);
        await client.SubscribeAsync("s2", Forever);
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before + 2, because: "two subscriptions never started");

        await client.SubscribeAsync("s3", Forever);
        var refused = (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;
        await client.SubscribeAsync("q", "{ hello }");
        var query = (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;
        await using var other = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await other.InitAsync();
        await other.SubscribeAsync("s1", "subscription { count(to: 1) }");
        var elsewhere = (await other.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;

        AssertRefused(refused, "s3", "at most 2 subscriptions");
        Assert.Equal("next", query.GetProperty("type").GetString());
        Assert.Equal("next", elsewhere.GetProperty("type").GetString());
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task User_OverTheCap_IsRefusedOnEveryTransport_WhileOthersAreNot()
    {
        var before = sample.Probe.ActiveSubscribers;
        var token = sample.Tokens.Customer();
        await using var first = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress, bearerToken: token);
        await first.InitAsync();
        await using var second = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress, bearerToken: token);
        await second.InitAsync();
        await first.SubscribeAsync("a", Forever);
        await first.SubscribeAsync("b", Forever);
        await second.SubscribeAsync("c", Forever);
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before + 3, because: "three subscriptions never started");

        await second.SubscribeAsync("d", Forever);
        var refused = (await second.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;
        using var overSse = await PostStreamAsync(token);
        var sseBody = JsonDocument.Parse(await overSse.Content.ReadAsStringAsync()).RootElement;
        await using var someoneElse = await SseClient.PostAsync(sample.Host.CreateHttpClient(), Forever, accessToken: sample.Tokens.Customer());

        AssertRefused(refused, "d", "at most 3 subscriptions");
        Assert.Equal(HttpStatusCode.TooManyRequests, overSse.StatusCode);
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", sseBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, someoneElse.Status);
    }

    [Fact]
    public async Task User_EndingASubscription_FreesItsSlot()
    {
        // The earlier tests' streams close asynchronously; counting from a moving base is a race.
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == 0, because: "earlier tests' streams never closed");
        var before = sample.Probe.ActiveSubscribers;
        var token = sample.Tokens.Customer();
        var streams = new List<SseStream>();
        for (var i = 0; i < 3; i++)
        {
            streams.Add(await SseClient.PostAsync(sample.Host.CreateHttpClient(), Forever, accessToken: token));
        }

        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before + 3, because: "three streams never started");
        await streams[0].DisposeAsync();
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before + 2, because: "the closed stream kept its source");

        await Eventually.TrueAsync(
            async () =>
            {
                var again = await SseClient.PostAsync(sample.Host.CreateHttpClient(), Forever, accessToken: token);
                streams.Add(again);
                return again.Status == HttpStatusCode.OK;
            },
            because: "the slot of the closed stream was never released");

        foreach (var stream in streams.Skip(1))
        {
            await stream.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> PostStreamAsync(string token)
    {
        using var http = sample.Host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Forever }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request);
    }

    private static void AssertRefused(JsonElement message, string id, string figure)
    {
        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal(id, message.GetProperty("id").GetString());
        var error = Assert.Single(message.GetProperty("payload").EnumerateArray());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(figure, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
