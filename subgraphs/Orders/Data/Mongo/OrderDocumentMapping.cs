using MongoDB.Bson.Serialization.Conventions;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Mongo;

public static class OrderDocumentMapping
{
    static OrderDocumentMapping()
    {
        // camelCase element names for the order documents only; extra fields from newer versions are ignored.
        ConventionRegistry.Register(
            "shop-orders",
            new ConventionPack { new CamelCaseElementNameConvention(), new IgnoreExtraElementsConvention(true) },
            type => type.Namespace == typeof(OrderDocument).Namespace);
    }

    /// <summary>Registers the conventions; call before the first serialization (the repository does).</summary>
    public static void EnsureRegistered()
    {
    }

    public static OrderDocument ToDocument(this Order order)
    {
        EnsureRegistered();
        return new OrderDocument
        {
            Id = order.Id,
            Code = order.Code,
            CustomerId = order.CustomerId,
            IdempotencyKey = order.IdempotencyKey,
            Status = order.Status,
            Total = order.Total,
            Lines = [.. order.Lines.Select(l => new OrderLineDocument { ProductId = l.ProductId, ProductName = l.ProductName, UnitPrice = l.UnitPrice, Quantity = l.Quantity })],
            History = [.. order.History.Select(h => new StatusChangeDocument { From = h.From, To = h.To, Reason = h.Reason, At = h.At })],
            Cancellation = order.Cancellation is { } c ? new CancellationDocument { Reason = c.Reason, At = c.At } : null,
            HandedOff = order.HandedOff,
            CreatedAt = order.CreatedAt,
            UpdatedAt = order.UpdatedAt,
            Version = order.Version,
        };
    }

    public static Order ToOrder(this OrderDocument document) => new(
        document.Id,
        document.Code,
        document.CustomerId,
        document.IdempotencyKey,
        [.. document.Lines.Select(l => new OrderLine(l.ProductId, l.ProductName, l.UnitPrice, l.Quantity))],
        document.Status,
        document.History.Select((h, index) => h.ToStatusChange(index + 1)),
        document.Cancellation is { } c ? new CancellationRequest(c.Reason, c.At) : null,
        document.HandedOff,
        document.CreatedAt,
        document.UpdatedAt,
        document.Version);
    /// <summary>A slice of a history that starts after change <paramref name="afterSequence"/>, numbered from there.</summary>
    public static IReadOnlyList<OrderStatusChange> ToStatusChanges(this StatusHistoryDocument document, int afterSequence)
        => [.. document.History.Select((change, index) => change.ToStatusChange(afterSequence + index + 1))];

    public static OrderStatusChange ToStatusChange(this StatusChangeDocument document, int sequence)
        => new(sequence, document.From, document.To, document.Reason, document.At);
}
