using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Shop.Testing.Clients;

/// <summary>GraphQL over HTTP from the client side, with full control over the request for transport tests.</summary>
public sealed class GraphQLHttpClient(HttpClient http, string path = "/graphql")
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>Bearer token sent with every request, if set.</summary>
    public string? AccessToken { get; set; }

    public HttpClient Http => http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null, string accept = GraphQLResponseJson)
        => SendRawAsync(HttpMethod.Post, JsonSerializer.Serialize(new { query, variables, operationName }), accept: accept);

    public Task<GraphQLResponse> GetAsync(string query, object? variables = null, string? operationName = null, string accept = GraphQLResponseJson)
    {
        var parameters = new List<string> { "query=" + Uri.EscapeDataString(query) };
        if (variables is not null)
        {
            parameters.Add("variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        }

        if (operationName is not null)
        {
            parameters.Add("operationName=" + Uri.EscapeDataString(operationName));
        }

        return SendRawAsync(HttpMethod.Get, body: null, accept: accept, queryString: string.Join('&', parameters));
    }

    /// <summary>Sends exactly the given body, content type, Accept and query string.</summary>
    public async Task<GraphQLResponse> SendRawAsync(
        HttpMethod method, string? body, string contentType = "application/json", string? accept = GraphQLResponseJson, string? queryString = null)
    {
        using var request = new HttpRequestMessage(method, queryString is null ? path : $"{path}?{queryString}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonElement parsed;
        try
        {
            parsed = raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            parsed = default;
        }

        var contentTypeHeader = response.Content.Headers.ContentType?.ToString();
        return new GraphQLResponse(response.StatusCode, contentTypeHeader, parsed, raw);
    }
}
