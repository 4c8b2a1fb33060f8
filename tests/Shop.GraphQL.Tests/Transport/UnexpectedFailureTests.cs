using System.Net;
using System.Text.Json;
using Shop.GraphQL.Tests.Sample;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>
/// An exception after execution, in the transport writing the result (here a faulty scalar's value
/// that cannot be serialized), is a masked error with a trace id on every transport, even in
/// Development, where ASP.NET Core would otherwise answer with its developer exception page.
/// </summary>
public sealed class UnexpectedFailureTests(UnexpectedFailureTests.Host sample) : IClassFixture<UnexpectedFailureTests.Host>
{
    public sealed class Host : SampleHost
    {
        protected override string EnvironmentName => "Development";
    }

    [Fact]
    public async Task Http_UnserializableResult_Is500WithAMaskedError()
    {
        var response = await sample.Client().PostAsync("{ trap }");

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        AssertMasked(Assert.Single(response.Errors), response.Raw, TrapValue.Secret);
    }

    [Fact]
    public async Task Sse_UnserializableResult_EndsTheStreamWithAMaskedError()
    {
        await using var stream = await SseClient.PostAsync(sample.Host.CreateHttpClient(), "{ trap }");

        var next = await stream.ReadEventAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("next", next!.Event);
        AssertMasked(Assert.Single(next.Json.GetProperty("errors").EnumerateArray()), next.Data, TrapValue.Secret);
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task WebSocket_UnserializableResult_IsAnErrorForThatOperationOnly()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await client.InitAsync();

        await client.SubscribeAsync("bad", "{ trap }");
        var error = (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;
        await client.SubscribeAsync("good", "{ hello }");
        var next = (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value;

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        AssertMasked(Assert.Single(error.GetProperty("payload").EnumerateArray()), error.GetRawText(), TrapValue.Secret);
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("world", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
    }

    private static void AssertMasked(JsonElement error, string raw, string secret)
    {
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("extensions").GetProperty("traceId").GetString());
        Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
    }
}
