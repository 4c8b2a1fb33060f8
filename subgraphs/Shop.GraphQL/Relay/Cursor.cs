using System.Buffers.Text;
using System.Text.Json;

namespace Shop.GraphQL.Relay;

/// <summary>Opaque cursors: the sort key of an item as base64url JSON.</summary>
public static class Cursor
{
    public static string Encode<T>(T key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static bool TryDecode<T>(string cursor, out T? key)
    {
        key = default;
        try
        {
            key = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor));
            return key is not null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or NotSupportedException)
        {
            return false;
        }
    }
}
