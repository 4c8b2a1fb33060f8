using System.Net;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>GraphQL over SSE, distinct connections mode.</summary>
public sealed class SseTransportTests(SseTransportTests.Host sample) : IClassFixture<SseTransportTests.Host>
{
    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:GraphQL:SseHeartbeatInterval"] = "00:00:00.200",
        };
    }

    [Fact]
    public async Task Subscription_StreamsOneNextPerEventThenComplete()
    {
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "subscription { count(to: 3) }");

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal("text/event-stream; charset=utf-8", stream.ContentType);
        for (var expected = 1; expected <= 3; expected++)
        {
            var next = await stream.ReadEventAsync();
            Assert.Equal("next", next!.Event);
            Assert.Equal(expected, next.Json.GetProperty("data").GetProperty("count").GetInt32());
        }

        var complete = await stream.ReadEventAsync();
        Assert.Equal("complete", complete!.Event);
        Assert.Equal(string.Empty, complete.Data);
        Assert.Null(await stream.ReadEventAsync());
    }

    [Fact]
    public async Task Subscription_OverGet_Streams()
    {
        await using var stream = await SseClient.GetAsync(sample.Host.CreateHttpClient(), "subscription ($n: Int!) { count(to: $n) }", new { n = 2 });

        Assert.Equal("next", (await stream.ReadEventAsync())!.Event);
        Assert.Equal("next", (await stream.ReadEventAsync())!.Event);
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task Query_OverSse_IsOneNextThenComplete()
    {
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "{ hello }");

        var next = await stream.ReadEventAsync();
        Assert.Equal("world", next!.Json.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task ValidationError_IsSentAsNextThenComplete()
    {
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "subscription { nope }");

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        var next = await stream.ReadEventAsync();
        Assert.Equal("next", next!.Event);
        Assert.True(next.Json.TryGetProperty("errors", out _));
        Assert.False(next.Json.TryGetProperty("data", out _));
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task MalformedRequest_Is400BeforeAnyStream()
    {
        using var http = sample.Host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MutationOverGetStream_Is405()
    {
        await using var stream = await SseClient.GetAsync(sample.Host.CreateHttpClient(), "mutation { increment }");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, stream.Status);
    }

    [Fact]
    public async Task IdleStream_ReceivesHeartbeatComments()
    {
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "subscription { forever }");

        var first = await stream.ReadAsync(TimeSpan.FromSeconds(5));
        var second = await stream.ReadAsync(TimeSpan.FromSeconds(5));

        Assert.True(first!.IsComment);
        Assert.True(second!.IsComment);
    }

    [Fact]
    public async Task ExpiringToken_EndsTheStreamWithAnError()
    {
        var token = sample.Tokens.Token(Guid.NewGuid(), "CUSTOMER", lifetime: TimeSpan.FromSeconds(2));
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "subscription { forever }", accessToken: token);

        var last = await stream.ReadEventAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("next", last!.Event);
        Assert.Contains("UNAUTHENTICATED", last.Data);
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task ClientDisconnect_DisposesTheSourceStream()
    {
        var before = sample.Probe.ActiveSubscribers;
        var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "subscription { forever }");
        await stream.ReadAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers > before, because: "the source was never subscribed");

        await stream.DisposeAsync();

        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == before, because: "the source outlived the client");
    }
}
