using GraphQL.Types;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class RefundStateType : EnumerationGraphType<RefundState>
{
    public RefundStateType()
    {
        Name = "RefundState";
        Description = "PENDING until ZaloPay confirms the refund (SUCCEEDED) or refuses it (FAILED; it is then tried again).";
    }
}
