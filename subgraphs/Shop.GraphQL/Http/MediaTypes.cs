using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Shop.GraphQL.Http;

/// <summary>The response formats of the GraphQL endpoint, in the server's order of preference.</summary>
internal enum ResponseFormat
{
    NotAcceptable,
    GraphQLResponseJson,
    Json,
    EventStream,
}

internal static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// The client's most preferred format that the server speaks. A client that names no GraphQL
    /// type (no Accept header, <c>*/*</c>, <c>application/*</c>) gets <c>application/json</c>, as the
    /// GraphQL-over-HTTP spec asks: such a client may not know the newer type's status codes.
    /// </summary>
    public static ResponseFormat Negotiate(HttpRequest request)
    {
        var header = request.Headers.Accept;
        if (header.Count == 0)
        {
            return ResponseFormat.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(header, out var accepted))
        {
            return ResponseFormat.NotAcceptable;
        }

        // OrderByDescending is stable, so equal weights keep the client's order.
        foreach (var candidate in accepted.OrderByDescending(value => value.Quality ?? 1.0))
        {
            if (candidate.Quality is 0)
            {
                continue;
            }

            var format = Match(candidate);
            if (format != ResponseFormat.NotAcceptable)
            {
                return format;
            }
        }

        return ResponseFormat.NotAcceptable;
    }

    /// <summary>True for <c>application/json</c> with no charset or UTF-8.</summary>
    public static bool IsJsonRequestBody(HttpRequest request)
        => MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
           && contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
           && (contentType.Charset.Length == 0 || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static string ContentType(ResponseFormat format) => format switch
    {
        ResponseFormat.GraphQLResponseJson => GraphQLResponseJson + "; charset=utf-8",
        ResponseFormat.EventStream => EventStream + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };

    private static ResponseFormat Match(MediaTypeHeaderValue value)
    {
        var type = value.MediaType;
        if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFormat.GraphQLResponseJson;
        }

        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFormat.Json;
        }

        if (type.Equals(EventStream, StringComparison.OrdinalIgnoreCase) || type.Equals("text/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFormat.EventStream;
        }

        return ResponseFormat.NotAcceptable;
    }
}
