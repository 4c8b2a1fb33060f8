using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Orders.Events;

/// <summary>How <see cref="OrderStatusChangeNotice"/> is written on every backplane.</summary>
public static class OrderEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
