using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Mongo;

/// <summary>An order as a MongoDB document: lines, history and the cancellation request embedded.</summary>
public sealed class OrderDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public required string Code { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CustomerId { get; set; }

    public required string IdempotencyKey { get; set; }

    [BsonRepresentation(BsonType.String)]
    public OrderStatus Status { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Total { get; set; }

    public List<OrderLineDocument> Lines { get; set; } = [];

    public List<StatusChangeDocument> History { get; set; } = [];

    [BsonIgnoreIfNull]
    public CancellationDocument? Cancellation { get; set; }

    public bool HandedOff { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

public sealed class OrderLineDocument
{
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ProductId { get; set; }

    public required string ProductName { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }
}

public sealed class StatusChangeDocument
{
    [BsonRepresentation(BsonType.String)]
    public OrderStatus? From { get; set; }

    [BsonRepresentation(BsonType.String)]
    public OrderStatus To { get; set; }

    public required string Reason { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }
}

public sealed class CancellationDocument
{
    public required string Reason { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }
}
