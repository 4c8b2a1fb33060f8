using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Shop.GraphQL.Execution;

namespace Shop.GraphQL.Http;

/// <summary>
/// Reads a GraphQL-over-HTTP request from a JSON body or a query string, checking the shape the
/// spec requires: <c>query</c> a string; <c>operationName</c> a string or null; <c>variables</c>
/// and <c>extensions</c> objects or null.
/// </summary>
internal sealed class GraphQLRequestParser(IGraphQLTextSerializer serializer)
{
    public async Task<ParseResult> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered whole (the endpoint caps the size) so the body can be checked as UTF-8: the
        // JSON reader only validates the strings it is asked to decode.
        var reader = request.BodyReader;
        var read = await reader.ReadAsync(cancellationToken);
        while (!read.IsCompleted)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await reader.ReadAsync(cancellationToken);
        }

        try
        {
            return Parse(read.Buffer);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private ParseResult Parse(ReadOnlySequence<byte> body)
    {
        var bytes = body.IsSingleSegment ? body.First : body.ToArray();
        if (!Utf8.IsValid(bytes.Span))
        {
            return ParseResult.Fail("The request body is not valid UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return ParseResult.Fail("The request body is not valid JSON.");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ParseResult.Fail("The request body must be a JSON object.");
            }

            return ReadPayload(json.RootElement);
        }
    }

    /// <summary>Reads a request from a JSON object: a POST body, or a WebSocket subscribe payload.</summary>
    public ParseResult ReadPayload(JsonElement payload)
        => Build(
            payload.TryGetProperty("query", out var query) ? query : null,
            payload.TryGetProperty("operationName", out var operationName) ? operationName : null,
            payload.TryGetProperty("variables", out var variables) ? variables : null,
            payload.TryGetProperty("extensions", out var extensions) ? extensions : null);

    public ParseResult ReadQueryString(IQueryCollection query)
    {
        foreach (var name in (string[])["query", "operationName", "variables", "extensions"])
        {
            if (query[name].Count > 1)
            {
                return ParseResult.Fail($"The parameter '{name}' is given more than once.");
            }
        }

        if (!TryParseJsonParameter(query, "variables", out var variables, out var error)
            || !TryParseJsonParameter(query, "extensions", out var extensions, out error))
        {
            return ParseResult.Fail(error!);
        }

        using (variables)
        using (extensions)
        {
            var queryText = query["query"].ToString();
            var operationName = query["operationName"].ToString();
            return Build(
                query.ContainsKey("query") ? JsonString(queryText) : null,
                string.IsNullOrEmpty(operationName) ? null : JsonString(operationName),
                variables?.RootElement,
                extensions?.RootElement);
        }
    }

    private ParseResult Build(JsonElement? query, JsonElement? operationName, JsonElement? variables, JsonElement? extensions)
    {
        if (query is not { ValueKind: JsonValueKind.String } queryElement)
        {
            return ParseResult.Fail(query is null ? "The request has no 'query'." : "'query' must be a string.");
        }

        if (operationName is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
        {
            return ParseResult.Fail("'operationName' must be a string or null.");
        }

        if (variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return ParseResult.Fail("'variables' must be an object or null.");
        }

        if (extensions is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return ParseResult.Fail("'extensions' must be an object or null.");
        }

        foreach (var (name, element) in (ReadOnlySpan<(string, JsonElement?)>)[("query", query), ("operationName", operationName), ("variables", variables), ("extensions", extensions)])
        {
            if (element is { } value && UnstorableAt(value, name) is { } path)
            {
                return new ParseResult(null, StorableText.Refusal($"'{path}'"), StorableText.Code);
            }
        }

        return ParseResult.Ok(new GraphQLRequestBody(
            queryElement.GetString()!,
            operationName?.GetString(),
            ReadInputs(variables),
            ReadInputs(extensions)));
    }

    /// <summary>The path of the first string (or property name) that is not storable text, or null.</summary>
    private static string? UnstorableAt(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Storable(element.GetString) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    if (!StorableText.IsStorable(name))
                    {
                        return path;
                    }

                    if (UnstorableAt(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnstorableAt(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // System.Text.Json refuses to turn an escaped lone surrogate into a string: that is unstorable too.
    private static bool Storable(Func<string?> read)
    {
        try
        {
            return StorableText.IsStorable(read());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private Inputs? ReadInputs(JsonElement? element)
        => element is { ValueKind: JsonValueKind.Object } value ? serializer.ReadNode<Inputs>(value) : null;

    private static bool TryParseJsonParameter(IQueryCollection query, string name, out JsonDocument? document, out string? error)
    {
        document = null;
        error = null;
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            error = $"The parameter '{name}' is not valid JSON.";
            return false;
        }
    }

    private static JsonElement JsonString(string value) => JsonSerializer.SerializeToElement(value);
}

/// <summary>A parsed request, or why the request is not a well-formed GraphQL-over-HTTP request.</summary>
internal readonly record struct ParseResult(GraphQLRequestBody? Request, string? Error, string Code = "BAD_REQUEST")
{
    public static ParseResult Ok(GraphQLRequestBody request) => new(request, null);

    public static ParseResult Fail(string error) => new(null, error);
}
