using Google.Protobuf.WellKnownTypes;
using Shop.Domain;

namespace Shop.Orders.Grpc;

internal static class OrderMessageMapping
{
    public static Order ToMessage(this Ordering.Order order)
    {
        var message = new Order
        {
            Id = order.Id.ToString(),
            Code = order.Code,
            CustomerId = order.CustomerId.ToString(),
            Status = order.Status.ToWire(),
            Total = order.Total.ToMoney(Prices.Currency),
            CreatedAt = Timestamp.FromDateTimeOffset(order.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(order.UpdatedAt),
            CancelRequested = order.Cancellation is not null,
        };
        message.Lines.AddRange(order.Lines.Select(line => new OrderLine
        {
            ProductId = line.ProductId.ToString(),
            ProductName = line.ProductName,
            UnitPrice = line.UnitPrice.ToMoney(Prices.Currency),
            Quantity = line.Quantity,
        }));
        message.History.AddRange(order.History.Select(change => new OrderStatusChange
        {
            From = change.From?.ToWire() ?? OrderStatus.Unspecified,
            To = change.To.ToWire(),
            Reason = change.Reason,
            At = Timestamp.FromDateTimeOffset(change.At),
        }));
        return message;
    }
}
