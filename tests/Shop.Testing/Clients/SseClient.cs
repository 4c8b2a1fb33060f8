using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Shop.Testing.Clients;

/// <summary>One server-sent event; <see cref="IsComment"/> for a heartbeat comment line.</summary>
public sealed record SseEvent(string? Event, string Data, bool IsComment = false)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>GraphQL over SSE (distinct connections mode) from the client side.</summary>
public static class SseClient
{
    /// <summary>Starts a POST stream and returns once the response headers arrive.</summary>
    public static Task<SseStream> PostAsync(HttpClient http, string query, object? variables = null, string? accessToken = null, string path = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        return SendAsync(http, request, accessToken);
    }

    /// <summary>Starts a GET stream, the operation in the query string.</summary>
    public static Task<SseStream> GetAsync(HttpClient http, string query, object? variables = null, string? accessToken = null, string path = "/graphql")
    {
        var uri = $"{path}?query={Uri.EscapeDataString(query)}";
        if (variables is not null)
        {
            uri += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        return SendAsync(http, new HttpRequestMessage(HttpMethod.Get, uri), accessToken);
    }

    private static async Task<SseStream> SendAsync(HttpClient http, HttpRequestMessage request, string? accessToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        request.Dispose();
        return new SseStream(response, await response.Content.ReadAsStreamAsync());
    }
}

/// <summary>An open event stream; dispose it to disconnect.</summary>
public sealed class SseStream(HttpResponseMessage response, Stream body) : IAsyncDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public HttpStatusCode Status => response.StatusCode;

    public string? ContentType => response.Content.Headers.ContentType?.ToString();

    public HttpResponseMessage Response => response;

    /// <summary>The next event or comment; null when the server ended the stream.</summary>
    public async Task<SseEvent?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? eventName = null;
        var data = new StringBuilder();
        var sawField = false;
        while (await _reader.ReadLineAsync(cancellation.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (sawField)
                {
                    return new SseEvent(eventName, data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                if (!sawField)
                {
                    return new SseEvent(null, line[1..], IsComment: true);
                }

                continue;
            }

            sawField = true;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                eventName = value;
            }
            else if (field == "data")
            {
                data.Append(data.Length > 0 ? "\n" : string.Empty).Append(value);
            }
        }

        return null;
    }

    /// <summary>The next real event, skipping heartbeat comments.</summary>
    public async Task<SseEvent?> ReadEventAsync(TimeSpan? timeout = null)
    {
        while (await ReadAsync(timeout) is { } next)
        {
            if (!next.IsComment)
            {
                return next;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await body.DisposeAsync();
        response.Dispose();
    }
}
