using System.Text.Json;
using Shop.Testing.Clients;

namespace Shop.Products.Tests;

internal static class GraphQLJson
{
    public static JsonElement Field(this GraphQLResponse response, string name) => response.EnsureNoErrors().Data.GetProperty(name);

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static string[] Skus(this JsonElement connection)
        => [.. connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").Str("sku"))];

    public static string[] Codes(this JsonElement payload)
        => [.. payload.GetProperty("errors").EnumerateArray().Select(error => error.Str("code"))];
}
