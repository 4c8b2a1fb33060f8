using GraphQL.Types;
using Shop.GraphQL.Money;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentRefundType : ObjectGraphType<PaymentRefund>
{
    public PaymentRefundType()
    {
        Name = "PaymentRefund";
        Description = "Money going back to the customer through ZaloPay.";
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<RefundStateType>>("state").Resolve(c => c.Source.State);
        Field(r => r.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("requestedAt").Resolve(c => c.Source.RequestedAt.UtcDateTime);
        Field<DateTimeGraphType>("completedAt").Resolve(c => c.Source.CompletedAt?.UtcDateTime);
    }
}
