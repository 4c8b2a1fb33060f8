using GraphQL.Types;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentStatusChangeType : ObjectGraphType<PaymentStatusChange>
{
    public PaymentStatusChangeType()
    {
        Name = "PaymentStatusChange";
        Field<PaymentStatusType>("from").Description("Null for the first entry, the creation.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<PaymentStatusType>>("to").Resolve(c => c.Source.To);
        Field(c => c.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
    }
}
