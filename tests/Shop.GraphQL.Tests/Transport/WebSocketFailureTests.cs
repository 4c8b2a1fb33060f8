using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL.Tests.Sample;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>
/// graphql-transport-ws when things go wrong on the server's side or the client's: an escaping
/// failure closes 4500 without its details, an oversized message closes 1009, and a subscriber that
/// does not keep up gets a final error instead of growing the server's memory.
/// </summary>
public sealed class WebSocketFailureTests(WebSocketFailureTests.Host sample) : IClassFixture<WebSocketFailureTests.Host>
{
    private const int MaxPendingEvents = 8;
    private const int MaxMessageBytes = 4096;

    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:GraphQL:MaxPendingEvents"] = MaxPendingEvents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:GraphQL:MaxRequestBodySize"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureServices(IServiceCollection services) => ExplodingExecuter.Install(services);
    }

    [Fact]
    public async Task FailureOutsideEveryResolver_Closes4500WithoutDetails()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ hello }", operationName = ExplodingExecuter.OperationName } });

        Assert.Equal((WebSocketCloseStatus)4500, await client.WaitForCloseAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Internal server error", client.CloseDescription);
    }

    [Fact]
    public async Task SourceFailingOnSubscribe_IsAMaskedErrorThenComplete()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SubscribeAsync("1", "subscription { brokenSource }");
        var next = await client.ReceiveAsync(TimeSpan.FromSeconds(30));
        var complete = await client.ReceiveAsync(TimeSpan.FromSeconds(30));

        var error = next!.Value.GetProperty("payload").GetProperty("errors")[0];
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(32, error.GetProperty("extensions").GetProperty("traceId").GetString()!.Length);
        Assert.DoesNotContain("hunter2", next.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("complete", complete?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task MessageOverTheBodyLimit_Closes1009()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SubscribeAsync("1", "{ hello }", new { padding = new string('x', MaxMessageBytes) });

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitForCloseAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task MessageJustUnderTheBodyLimit_IsServed()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SubscribeAsync("1", "{ hello }", new { padding = new string('x', MaxMessageBytes - 200) });

        var next = await client.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("next", next?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task SubscriberFallingBehind_GetsSubscriberTooSlowAndTheStreamEnds()
    {
        const int Events = 200_000;
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SubscribeAsync("1", $"subscription {{ count(to: {Events}, intervalMs: 0) }}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = 0;
        JsonElement? last = null;
        while (await client.ReceiveAsync(TimeSpan.FromSeconds(30)) is { } message && message.GetProperty("type").GetString() == "next")
        {
            received++;
            last = message;
        }

        Assert.InRange(received, 1, Events);
        var code = last!.Value.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
        Assert.Equal("SUBSCRIBER_TOO_SLOW", code);
        await Eventually.TrueAsync(() => sample.Probe.ActiveSubscribers == 0);
    }
}
