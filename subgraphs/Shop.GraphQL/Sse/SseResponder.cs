using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.GraphQL.Execution;
using Shop.GraphQL.Http;
using Shop.GraphQL.Sessions;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Sse;

/// <summary>
/// GraphQL over SSE, distinct connections mode: one <c>next</c> event per result, then
/// <c>complete</c>. Validation errors travel as a <c>next</c> event too, since the stream is the
/// only channel an SSE client reads. Idle streams get a comment line as heartbeat.
/// </summary>
internal sealed class SseResponder(
    IGraphQLTextSerializer serializer,
    SubscriptionSlots slots,
    ISessionRevocations revocations,
    IOptions<GraphQLOptions> options,
    ILogger<SseResponder> logger)
{
    private static readonly byte[] Heartbeat = ":\n\n"u8.ToArray();
    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    public async Task WriteAsync(HttpContext context, ExecutionResult result)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        using var slot = result.Streams is { Count: > 0 } ? slots.TryTake(context.User) : null;
        if (result.Streams is { Count: > 0 } && slot is null)
        {
            // Refused before the stream starts, so as a plain 429 with the GraphQL error.
            var refusal = Encoding.UTF8.GetBytes(serializer.Serialize(slots.PerUserRefusal()));
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.ContentType = MediaTypes.ContentType(ResponseFormat.Json);
            response.ContentLength = refusal.Length;
            await response.Body.WriteAsync(refusal, aborted);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypes.ContentType(ResponseFormat.EventStream);
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await response.StartAsync(aborted);
            await response.Body.FlushAsync(aborted);
            if (result.Streams is { Count: > 0 } streams)
            {
                // A stream lasts as long as the caller's token; then the client subscribes again with a fresh one.
                using var expiry = new CancellationTokenSource();
                if (context.User.Remaining(TimeProvider.System) is { } remaining)
                {
                    expiry.CancelAfter(remaining);
                }

                // ... and only as long as its session: a logout ends it (or refuses it, when it already has).
                using var ended = new CancellationTokenSource();
                using var watch = SessionEnded.SessionOf(context.User) is { } session ? revocations.Watch(session, () => CancelQuietly(ended)) : null;
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, ended.Token);
                using var stream = ResultStream.Subscribe(streams.Values.First(), options.Value.MaxPendingEvents, logger);
                await PumpAsync(response.Body, stream, aborted, stop.Token);
                if (ended.IsCancellationRequested)
                {
                    await WriteNextAsync(response.Body, SessionEnded.Result(), aborted);
                }
                else if (expiry.IsCancellationRequested)
                {
                    await WriteNextAsync(response.Body, GraphQLExecutor.RequestError("UNAUTHENTICATED", "The access token expired; subscribe again with a fresh one."), aborted);
                }
            }
            else
            {
                await WriteNextAsync(response.Body, result, aborted);
            }

            await response.Body.WriteAsync(Complete, aborted);
            await response.Body.FlushAsync(aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; disposing the stream above released the source.
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested && response.HasStarted)
        {
            // The stream is the client's only channel now: the failure goes down it, masked, and ends it.
            await WriteNextAsync(response.Body, UnexpectedFailure.Mask(logger, exception, "SSE"), aborted);
            await response.Body.WriteAsync(Complete, aborted);
            await response.Body.FlushAsync(aborted);
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended on its own meanwhile.
        }
    }

    private async Task PumpAsync(Stream body, ResultStream stream, CancellationToken aborted, CancellationToken expired)
    {
        var reader = stream.Reader;
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted, expired);
            idle.CancelAfter(options.Value.SseHeartbeatInterval);
            bool more;
            try
            {
                more = await reader.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                if (expired.IsCancellationRequested)
                {
                    return;
                }

                await body.WriteAsync(Heartbeat, aborted);
                await body.FlushAsync(aborted);
                continue;
            }

            if (!more)
            {
                return;
            }

            while (reader.TryRead(out var next))
            {
                await WriteNextAsync(body, next, aborted);
            }
        }
    }

    private async Task WriteNextAsync(Stream body, ExecutionResult result, CancellationToken aborted)
    {
        // The serializer writes compact JSON and escapes control characters, so the payload is one line.
        var frame = "event: next\ndata: " + serializer.Serialize(result) + "\n\n";
        await body.WriteAsync(Encoding.UTF8.GetBytes(frame), aborted);
        await body.FlushAsync(aborted);
    }
}
