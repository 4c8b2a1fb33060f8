using System.Text.Json;

namespace Shop.GraphQL.WebSockets;

/// <summary>
/// Finds the access token in a connection_init payload, in the shapes clients commonly send:
/// <c>{"Authorization": "Bearer t"}</c>, <c>{"authorization": ...}</c>, <c>{"token": "t"}</c>,
/// or any of these under <c>headers</c>.
/// </summary>
internal static class ConnectionParams
{
    public static string? AccessToken(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String
                && (property.NameEquals("Authorization") || property.NameEquals("authorization")))
            {
                var value = property.Value.GetString()!;
                return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value.Trim();
            }

            if (property.Value.ValueKind == JsonValueKind.String && property.NameEquals("token"))
            {
                return property.Value.GetString()!.Trim();
            }
        }

        return payload.TryGetProperty("headers", out var headers) ? AccessToken(headers) : null;
    }
}
