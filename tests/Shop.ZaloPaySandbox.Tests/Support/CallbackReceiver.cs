using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Shop.Testing;

namespace Shop.ZaloPaySandbox.Tests.Support;

/// <summary>A callback as the merchant received it: the raw body and what it parses to.</summary>
public sealed record ReceivedCallback(string? ContentType, string Body, DateTimeOffset At)
{
    public JsonElement Envelope => JsonDocument.Parse(Body).RootElement;

    public string Data => Envelope.GetProperty("data").GetString()!;

    public JsonElement Fields => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// A merchant's callback endpoint on a real Kestrel port. It answers return_code 1 unless told to
/// answer something else for the next callbacks, and remembers everything it received.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _replies = new();
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    public static async Task<CallbackReceiver> StartAsync()
    {
        var receiver = new CallbackReceiver();
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/callback", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = new Uri($"http://127.0.0.1:{port}/callback");
        return receiver;
    }

    /// <summary>The next callbacks get these return codes, in turn; after them, 1 again.</summary>
    public void ReplyNext(params int[] codes)
    {
        foreach (var code in codes)
        {
            _replies.Enqueue(code);
        }
    }

    public Task WaitForAsync(int count, TimeSpan? timeout = null)
        => Eventually.TrueAsync(() => _received.Count >= count, timeout, $"Expected {count} callbacks, received {_received.Count}.");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        _received.Enqueue(new ReceivedCallback(request.ContentType, await reader.ReadToEndAsync(), DateTimeOffset.UtcNow));
        var code = _replies.TryDequeue(out var next) ? next : 1;
        return Results.Json(new Dictionary<string, object> { ["return_code"] = code, ["return_message"] = code == 1 ? "success" : "try again" });
    }
}
