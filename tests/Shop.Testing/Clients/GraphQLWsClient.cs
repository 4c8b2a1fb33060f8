using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Shop.Testing.Clients;

/// <summary>A graphql-transport-ws client that exposes every message and the close status to the test.</summary>
public sealed class GraphQLWsClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly ClientWebSocket _socket;

    private GraphQLWsClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public string? NegotiatedProtocol => _socket.SubProtocol;

    public static async Task<GraphQLWsClient> ConnectAsync(Uri uri, string? subProtocol = SubProtocol, string? bearerToken = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        if (bearerToken is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + bearerToken);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsClient(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends connection_init and expects connection_ack.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var ack = await ReceiveAsync();
        if (ack?.GetProperty("type").GetString() != "connection_ack")
        {
            throw new InvalidOperationException($"Expected connection_ack, got {ack?.GetRawText() ?? $"close {CloseStatus} {CloseDescription}"}");
        }
    }

    public Task SubscribeAsync(string id, string query, object? variables = null)
        => SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>The next message, or null once the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellation.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads until the server closes, returning the close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveAsync(timeout) is not null)
        {
        }

        return CloseStatus;
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
                // The server may already be gone.
            }
        }

        _socket.Dispose();
    }
}
