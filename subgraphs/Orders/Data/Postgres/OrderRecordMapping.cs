using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Postgres;

internal static class OrderRecordMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static OrderRecord ToRecord(this Order order) => new()
    {
        Id = order.Id,
        Code = order.Code,
        CustomerId = order.CustomerId,
        IdempotencyKey = order.IdempotencyKey,
        Status = order.Status,
        Total = order.Total,
        Lines = JsonSerializer.Serialize(order.Lines, Json),
        History = JsonSerializer.Serialize(order.History, Json),
        CancelReason = order.Cancellation?.Reason,
        CancelRequestedAt = order.Cancellation?.At,
        HandedOff = order.HandedOff,
        CreatedAt = order.CreatedAt,
        UpdatedAt = order.UpdatedAt,
        Version = order.Version,
    };

    /// <summary>One history entry as stored; its sequence is its place in the history, given by the caller.</summary>
    public static OrderStatusChange ToStatusChange(string json, int sequence)
        => JsonSerializer.Deserialize<OrderStatusChange>(json, Json)! with { Sequence = sequence };

    public static Order ToOrder(this OrderRecord record) => new(
        record.Id,
        record.Code,
        record.CustomerId,
        record.IdempotencyKey,
        JsonSerializer.Deserialize<List<OrderLine>>(record.Lines, Json)!,
        record.Status,
        JsonSerializer.Deserialize<List<OrderStatusChange>>(record.History, Json)!,
        record.CancelRequestedAt is { } at ? new CancellationRequest(record.CancelReason!, at) : null,
        record.HandedOff,
        record.CreatedAt,
        record.UpdatedAt,
        record.Version);
}
