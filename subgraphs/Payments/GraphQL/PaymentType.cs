using GraphQL.Types;
using Shop.GraphQL.Money;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentType : ObjectGraphType<Payment>
{
    public PaymentType()
    {
        Name = "Payment";
        Description = "The ZaloPay payment of an order; visible to the order's customer and to admins.";
        Field<NonNullGraphType<OrderType>>("order").Resolve(c => new OrderReference(c.Source.OrderId));
        Field<NonNullGraphType<PaymentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(c => c.Source.Amount);
        Field<StringGraphType>("orderUrl")
            .Description("Where the customer pays (ZaloPay's page); only while the payment is PENDING.")
            .Resolve(c => c.Source.Status == PaymentStatus.Pending ? c.Source.CurrentAttempt.OrderUrl : null);
        Field<StringGraphType>("qrCode")
            .Description("The same, as QR code content for the ZaloPay app; only while PENDING.")
            .Resolve(c => c.Source.Status == PaymentStatus.Pending ? c.Source.CurrentAttempt.QrCode : null);
        Field<NonNullGraphType<StringGraphType>>("appTransId").Description("ZaloPay's id of the current attempt.").Resolve(c => c.Source.CurrentAttempt.AppTransId);
        Field<DateTimeGraphType>("expiresAt").Description("When the customer can no longer pay.").Resolve(c => c.Source.ExpiresAt?.UtcDateTime);
        Field<DateTimeGraphType>("paidAt").Resolve(c => c.Source.PaidAt?.UtcDateTime);
        Field<StringGraphType>("zpTransId").Description("ZaloPay's transaction id, once the money arrived.").Resolve(c => c.Source.ZpTransId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaymentRefundType>>>>("refunds").Resolve(c => c.Source.Refunds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaymentStatusChangeType>>>>("statusHistory")
            .Description("Every status the payment has had, oldest first, with its time and reason.")
            .Resolve(c => c.Source.History);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt.UtcDateTime);
    }
}
