using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Shop.Bench.Live;

/// <summary>
/// One customer's app watching their order over graphql-transport-ws through the gateway: token in
/// connection_init, then orderStatusChanged from the placement on (afterSequence 1, as a client that
/// has seen the placed order passes it), so a subscription that registers late in the orders service
/// still gets every change. Records each event's sequence and the moment it arrived.
/// </summary>
internal sealed class LiveSubscriber : IAsyncDisposable
{
    private const string Query = "subscription ($id: ID!) { orderStatusChanged(orderId: $id, afterSequence: 1) { sequence from to at order { code status } } }";

    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[4096];
    private readonly List<(int Sequence, long ReceivedAt)> _receipts = new(8);
    private readonly Action _received;

    private LiveSubscriber(LiveCustomer customer, ClientWebSocket socket, Action received)
    {
        Customer = customer;
        _socket = socket;
        _received = received;
    }

    public LiveCustomer Customer { get; }

    /// <summary>Each event's sequence and its <see cref="Stopwatch.GetTimestamp"/> on arrival, in arrival order.</summary>
    public IReadOnlyList<(int Sequence, long ReceivedAt)> Receipts => _receipts;

    /// <summary>Why the subscription ended before the benchmark stopped it (an error, complete, or close); null while it ran.</summary>
    public string? Ended { get; private set; }

    /// <summary>Connects, authenticates and subscribes; <paramref name="received"/> is called on every event.</summary>
    public static async Task<LiveSubscriber> SubscribeAsync(Uri gateway, LiveCustomer customer, Action received, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var subscriber = new LiveSubscriber(customer, socket, received);
        try
        {
            await socket.ConnectAsync(gateway, cancellationToken);
            await subscriber.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + customer.AccessToken } }, cancellationToken);
            var ack = await subscriber.ReceiveTextAsync(cancellationToken);
            if (ack is null || !ack.Contains("\"connection_ack\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Customer {customer.Index}: expected connection_ack, got {ack ?? $"close {socket.CloseStatus} {socket.CloseStatusDescription}"}");
            }

            await subscriber.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Query, variables = new { id = customer.OrderId } } }, cancellationToken);
            return subscriber;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads events until the server ends the subscription or <paramref name="stop"/> fires.</summary>
    public async Task ReadAsync(CancellationToken stop)
    {
        try
        {
            while (await ReceiveTextAsync(stop) is { } text)
            {
                var receivedAt = Stopwatch.GetTimestamp();
                using var message = JsonDocument.Parse(text);
                var root = message.RootElement;
                switch (root.GetProperty("type").GetString())
                {
                    case "next" when root.GetProperty("payload").TryGetProperty("errors", out var errors):
                        Ended = "error: " + errors.GetRawText();
                        return;
                    case "next":
                        var change = root.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged");
                        _receipts.Add((change.GetProperty("sequence").GetInt32(), receivedAt));
                        _received();
                        break;
                    case "ping":
                        await SendAsync(new { type = "pong" }, stop);
                        break;
                    case "error":
                        Ended = "error: " + root.GetProperty("payload").GetRawText();
                        return;
                    case "complete":
                        Ended = "complete";
                        return;
                }
            }

            Ended = $"closed {_socket.CloseStatus} {_socket.CloseStatusDescription}";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the benchmark.
        }
        catch (WebSocketException exception)
        {
            Ended = "socket failed: " + exception.Message;
        }
    }

    private Task SendAsync(object message, CancellationToken cancellationToken)
        => _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        if (result.EndOfMessage)
        {
            return Encoding.UTF8.GetString(_buffer, 0, result.Count);
        }

        // Events are a few hundred bytes; a longer message is gathered frame by frame.
        using var whole = new MemoryStream();
        whole.Write(_buffer, 0, result.Count);
        do
        {
            result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            whole.Write(_buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(whole.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The gateway may already be gone.
            }
        }

        _socket.Dispose();
    }
}
