using Google.Protobuf.WellKnownTypes;
using Shop.Domain;
using DomainPayment = Shop.Payments.Paying.Payment;
using DomainStatus = Shop.Payments.Paying.PaymentStatus;

namespace Shop.Payments.Grpc;

internal static class PaymentMessageMapping
{
    public static Payment ToMessage(this DomainPayment payment)
    {
        var attempt = payment.CurrentAttempt;
        var message = new Payment
        {
            OrderId = payment.OrderId.ToString(),
            CustomerId = payment.CustomerId.ToString(),
            AppTransId = attempt.AppTransId,
            Status = payment.Status.ToWire(),
            Amount = payment.Amount.ToMoney(Prices.Currency),
            OrderUrl = payment.Status == DomainStatus.Pending ? attempt.OrderUrl ?? string.Empty : string.Empty,
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

    public static PaymentStatus ToWire(this DomainStatus status) => status switch
    {
        DomainStatus.Pending => PaymentStatus.Pending,
        DomainStatus.Paid => PaymentStatus.Paid,
        DomainStatus.Failed => PaymentStatus.Failed,
        DomainStatus.Cancelled => PaymentStatus.Cancelled,
        DomainStatus.Expired => PaymentStatus.Expired,
        DomainStatus.RefundPending => PaymentStatus.RefundPending,
        DomainStatus.Refunded => PaymentStatus.Refunded,
        _ => PaymentStatus.Unspecified,
    };
}
