using Google.Protobuf.WellKnownTypes;
using Shop.Domain;

namespace Shop.Payments.Grpc;

/// <summary>
/// Inside Shop.Payments.Grpc the simple names are the generated wire types; domain types are written
/// with their namespace (Paying.X), so neither side needs an alias.
/// </summary>
internal static class PaymentMessageMapping
{
    public static Payment ToMessage(this Paying.Payment payment)
    {
        var attempt = payment.CurrentAttempt;
        var message = new Payment
        {
            OrderId = payment.OrderId.ToString(),
            CustomerId = payment.CustomerId.ToString(),
            AppTransId = attempt.AppTransId,
            Status = payment.Status.ToWire(),
            Amount = payment.Amount.ToMoney(Prices.Currency),
            OrderUrl = payment.Status == Paying.PaymentStatus.Pending ? attempt.OrderUrl ?? string.Empty : string.Empty,
            ZpTransId = payment.ZpTransId ?? string.Empty,
            CreatedAt = Timestamp.FromDateTimeOffset(payment.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(payment.UpdatedAt),
        };
        if (payment.ExpiresAt is { } expiresAt)
        {
            message.ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt);
        }

        if (payment.PaidAt is { } paidAt)
        {
            message.PaidAt = Timestamp.FromDateTimeOffset(paidAt);
        }

        return message;
    }

    public static PaymentStatus ToWire(this Paying.PaymentStatus status) => status switch
    {
        Paying.PaymentStatus.Pending => PaymentStatus.Pending,
        Paying.PaymentStatus.Paid => PaymentStatus.Paid,
        Paying.PaymentStatus.Failed => PaymentStatus.Failed,
        Paying.PaymentStatus.Cancelled => PaymentStatus.Cancelled,
        Paying.PaymentStatus.Expired => PaymentStatus.Expired,
        Paying.PaymentStatus.RefundPending => PaymentStatus.RefundPending,
        Paying.PaymentStatus.Refunded => PaymentStatus.Refunded,
        _ => PaymentStatus.Unspecified,
    };
}
