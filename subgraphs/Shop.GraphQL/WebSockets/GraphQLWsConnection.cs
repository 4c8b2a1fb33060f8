using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL.Execution;
using Shop.GraphQL.Sessions;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: connection_init / connection_ack within the init
/// timeout, then subscribe / next / error / complete per operation id, ping / pong at any time.
/// Protocol violations close the socket with the protocol's 44xx codes.
/// </summary>
internal sealed class GraphQLWsConnection(
    WebSocket socket, ClaimsPrincipal upgradeUser, GraphQLWsHandler host, CancellationToken requestAborted)
{
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
    private ClaimsPrincipal _user = upgradeUser;
    private int _initReceived;
    private int _subscriptions;
    private volatile bool _acknowledged;
    private volatile bool _closing;
    private Task _expiry = Task.CompletedTask;

    public async Task RunAsync()
    {
        var initTimeout = CloseIfNotInitialisedAsync();
        try
        {
            while (!_closing && await ReceiveAsync() is { } message)
            {
                await HandleAsync(message);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Client gone, or it did not answer our close frame in time.
        }
        catch (WebSocketException)
        {
            // The peer dropped the connection without a close handshake.
        }
        finally
        {
            await _lifetime.CancelAsync();
            foreach (var operation in _operations.Values)
            {
                operation.Cancel();
            }

            await initTimeout;
            await _expiry;
            await Task.WhenAll(_operations.Values.Select(operation => operation.Completion));
            _lifetime.Dispose();
        }
    }

    private async Task CloseIfNotInitialisedAsync()
    {
        try
        {
            await Task.Delay(host.Options.WebSocketInitTimeout, _lifetime.Token);
            if (Volatile.Read(ref _initReceived) == 0)
            {
                await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task HandleAsync(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return;
            }

            switch (type.GetString())
            {
                case "connection_init":
                    await InitialiseAsync(message);
                    break;
                case "ping":
                    await SendAsync("""{"type":"pong"}""");
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await SubscribeAsync(message);
                    break;
                case "complete":
                    await CompleteAsync(message);
                    break;
                default:
                    await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        var payload = message.TryGetProperty("payload", out var value) ? value : default;
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        if (ConnectionParams.AccessToken(payload) is { } token)
        {
            ClaimsPrincipal? principal;
            try
            {
                principal = await host.Tokens.ValidateAsync(token, _lifetime.Token);
            }
            catch (AuthUnavailableException)
            {
                // The token may be fine: a server-side condition the client may retry after (1011).
                await CloseAsync(WebSocketCloseStatus.InternalServerError, "Authentication unavailable");
                return;
            }

            if (principal is null)
            {
                await CloseAsync(CloseCodes.Forbidden, "Forbidden");
                return;
            }

            _user = principal;
        }

        _acknowledged = true;
        _expiry = CloseWhenTokenExpiresAsync();
        await SendAsync("""{"type":"connection_ack"}""");
    }

    /// <summary>
    /// A socket is as good as the token that opened it: when the token expires the connection is
    /// closed (4403), and the client reconnects with a fresh one.
    /// </summary>
    private async Task CloseWhenTokenExpiresAsync()
    {
        if (_user.Remaining(TimeProvider.System) is not { } remaining)
        {
            return;
        }

        try
        {
            await Task.Delay(remaining, _lifetime.Token);
            await CloseAsync(CloseCodes.Forbidden, "Access token expired");
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!_acknowledged)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!TryGetId(message, out var id)
            || !message.TryGetProperty("payload", out var payload)
            || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        var parsed = host.Parser.ReadPayload(payload);
        if (parsed.Request is not { } request)
        {
            await CloseAsync(CloseCodes.BadRequest, Truncate(parsed.Error!));
            return;
        }

        var operation = new Operation(id, _lifetime.Token);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, Truncate($"Subscriber for {id} already exists"));
            return;
        }

        if (_operations.Count > host.Options.MaxOperationsPerSocket)
        {
            _operations.TryRemove(id, out _);
            operation.Dispose();
            await SendErrorAsync(id, GraphQLExecutor.RequestError("TOO_MANY_OPERATIONS",
                $"A connection may run at most {host.Options.MaxOperationsPerSocket} operations at once."));
            return;
        }

        operation.Completion = Task.Run(() => RunOperationAsync(operation, request));
    }

    private async Task CompleteAsync(JsonElement message)
    {
        if (!TryGetId(message, out var id))
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        // The client stopped listening: nothing more about this id is sent, not even complete.
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Cancel();
        }
    }

    private async Task RunOperationAsync(Operation operation, GraphQLRequestBody request)
    {
        var token = operation.Token;
        try
        {
            await using var scope = host.Scopes.CreateAsyncScope();
            var result = await host.Executor.ExecuteAsync(request, GraphQLTransport.Stream, _user, scope.ServiceProvider, token);
            if (!result.Executed)
            {
                await SendErrorAsync(operation.Id, result);
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                if (Interlocked.Increment(ref _subscriptions) > host.Options.MaxSubscriptionsPerConnection)
                {
                    Interlocked.Decrement(ref _subscriptions);
                    await SendErrorAsync(operation.Id, GraphQLExecutor.RequestError(SubscriptionSlots.Code,
                        $"A connection may hold at most {host.Options.MaxSubscriptionsPerConnection} subscriptions at once."));
                    return;
                }

                try
                {
                    using var slot = host.Slots.TryTake(_user);
                    if (slot is null)
                    {
                        await SendErrorAsync(operation.Id, host.Slots.PerUserRefusal());
                        return;
                    }

                    // A logged-out session ends the subscription (or refuses it, when it already has).
                    using var watch = SessionEnded.SessionOf(_user) is { } session ? host.Revocations.Watch(session, operation.EndSession) : null;
                    using var stream = ResultStream.Subscribe(streams.Values.First(), host.Options.MaxPendingEvents, host.Logger);
                    await foreach (var next in stream.Reader.ReadAllAsync(token))
                    {
                        await SendNextAsync(operation.Id, next);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _subscriptions);
                }
            }
            else
            {
                await SendNextAsync(operation.Id, result);
            }

            if (_operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
            {
                await SendAsync($$"""{"id":{{JsonSerializer.Serialize(operation.Id)}},"type":"complete"}""");
            }
        }
        catch (OperationCanceledException) when (operation.SessionEnded && !_lifetime.IsCancellationRequested)
        {
            await SendSessionEndedAsync(operation);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client or the connection closed.
        }
        catch (WebSocketException)
        {
            // The socket broke mid-send; the receive loop notices and ends the connection.
        }
        catch (Exception exception)
        {
            // This operation failed, not the connection: an error message ends it, masked, and the others go on.
            var masked = UnexpectedFailure.Mask(host.Logger, exception, "WebSocket");
            try
            {
                await SendErrorAsync(operation.Id, masked);
            }
            catch (Exception sendFailure) when (sendFailure is WebSocketException or OperationCanceledException)
            {
                // The connection is going away anyway; its receive loop ends it.
            }
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
            operation.Dispose();
        }
    }

    /// <summary>
    /// The session's end goes to the client as this operation's last result, then complete, unless the
    /// client completed it first. A result rather than an <c>error</c> message: that is how an SSE
    /// stream ends too, and what a gateway relays as it is (Hive Gateway masks an upstream <c>error</c>
    /// message mid-stream as an unexpected error).
    /// </summary>
    private async Task SendSessionEndedAsync(Operation operation)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
        {
            return;
        }

        try
        {
            await SendNextAsync(operation.Id, SessionEnded.Result());
            await SendAsync($$"""{"id":{{JsonSerializer.Serialize(operation.Id)}},"type":"complete"}""");
        }
        catch (Exception sendFailure) when (sendFailure is WebSocketException or OperationCanceledException)
        {
            // The connection is going away anyway; its receive loop ends it.
        }
    }

    private Task SendNextAsync(string id, ExecutionResult result)
        => SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{host.Serializer.Serialize(result)}}}""");

    private Task SendErrorAsync(string id, ExecutionResult result)
    {
        using var serialized = JsonDocument.Parse(host.Serializer.Serialize(result));
        var errors = serialized.RootElement.GetProperty("errors").GetRawText();
        _operations.TryRemove(id, out _);
        return SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{errors}}}""");
    }

    private async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            if (socket.State == WebSocketState.Open && !_closing)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, _lifetime.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        // Wait a moment for the client's close frame, then give up on it.
        _lifetime.CancelAfter(CloseHandshakeGrace);
    }

    /// <summary>Reads one whole text message; null once the peer closes.</summary>
    private async Task<string?> ReceiveAsync()
    {
        var limit = host.Options.MaxRequestBodySize;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), _lifetime.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (!_closing && socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty);
                    }

                    return null;
                }

                if (received.MessageType != WebSocketMessageType.Text)
                {
                    await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                    return null;
                }

                message.Write(buffer, 0, received.Count);
                if (message.Length > limit)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big");
                    return null;
                }

                if (received.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryGetId(JsonElement message, out string id)
    {
        id = message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return id.Length > 0;
    }

    // A close reason may be at most 123 bytes of UTF-8.
    private static string Truncate(string reason)
    {
        const int MaxCloseReasonBytes = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var cut = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, cut)) > MaxCloseReasonBytes)
        {
            cut--;
        }

        return reason[..cut];
    }

    private sealed class Operation(string id, CancellationToken connection) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);

        public string Id { get; } = id;

        public CancellationToken Token => _cancellation.Token;

        public Task Completion { get; set; } = Task.CompletedTask;

        public bool SessionEnded { get; private set; }

        public void EndSession()
        {
            SessionEnded = true;
            Cancel();
        }

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already finished.
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }
}
