using GraphQL.Types;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentStatusType : EnumerationGraphType<PaymentStatus>
{
    public PaymentStatusType()
    {
        Name = "PaymentStatus";
        Description = "PENDING until paid (PAID) or given up (FAILED, CANCELLED, EXPIRED); money going back is REFUND_PENDING, then REFUNDED.";
    }
}
