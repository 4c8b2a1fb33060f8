using System.Net;
using System.Text.Json;

namespace Shop.Testing.Clients;

/// <summary>An HTTP response from a GraphQL endpoint, its body parsed.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonElement Body, string Raw)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasData => Body.TryGetProperty("data", out _);

    public JsonElement[] Errors => Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The <c>extensions.code</c> of each error.</summary>
    public string?[] ErrorCodes => [.. Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)];

    /// <summary>Fails the test with the raw body when the response carries errors.</summary>
    public GraphQLResponse EnsureNoErrors()
        => Errors.Length == 0 ? this : throw new InvalidOperationException($"GraphQL errors ({Status}): {Raw}");
}
