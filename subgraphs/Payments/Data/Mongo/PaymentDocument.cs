using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Mongo;

/// <summary>A payment as a MongoDB document, keyed by its order id: attempts, refunds and history embedded.</summary>
public sealed class PaymentDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid OrderId { get; set; }

    public required string OrderCode { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CustomerId { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Amount { get; set; }

    public required string Description { get; set; }

    [BsonRepresentation(BsonType.String)]
    public PaymentStatus Status { get; set; }

    public List<AttemptDocument> Attempts { get; set; } = [];

    public List<RefundDocument> Refunds { get; set; } = [];

    public List<PaymentStatusChangeDocument> History { get; set; } = [];

    [BsonIgnoreIfNull]
    public string? ZpTransId { get; set; }

    [BsonIgnoreIfNull]
    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? PaidAt { get; set; }

    public bool NotifyPending { get; set; }

    public bool RefundsPending { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

public sealed class AttemptDocument
{
    public required string AppTransId { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    [BsonRepresentation(BsonType.String)]
    public AttemptState State { get; set; }

    [BsonIgnoreIfNull]
    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? LeaseUntil { get; set; }

    [BsonIgnoreIfNull]
    public string? OrderUrl { get; set; }

    [BsonIgnoreIfNull]
    public string? ZpTransToken { get; set; }

    [BsonIgnoreIfNull]
    public string? QrCode { get; set; }

    [BsonIgnoreIfNull]
    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ExpiresAt { get; set; }

    [BsonIgnoreIfNull]
    public string? Failure { get; set; }
}

public sealed class RefundDocument
{
    public required string MRefundId { get; set; }

    public required string ZpTransId { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Amount { get; set; }

    public required string Reason { get; set; }

    [BsonRepresentation(BsonType.String)]
    public RefundState State { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset RequestedAt { get; set; }

    [BsonIgnoreIfNull]
    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? CompletedAt { get; set; }

    public bool Submitted { get; set; }

    [BsonIgnoreIfNull]
    public string? ZaloPayRefundId { get; set; }

    [BsonIgnoreIfNull]
    public string? LastError { get; set; }
}

public sealed class PaymentStatusChangeDocument
{
    [BsonRepresentation(BsonType.String)]
    public PaymentStatus? From { get; set; }

    [BsonRepresentation(BsonType.String)]
    public PaymentStatus To { get; set; }

    public required string Reason { get; set; }

    [BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }
}
