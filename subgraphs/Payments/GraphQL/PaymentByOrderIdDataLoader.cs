using Shop.GraphQL.DataLoader;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentByOrderIdDataLoader(IPaymentRepository payments) : BatchDataLoader<Guid, Payment>
{
    protected override async Task<IReadOnlyDictionary<Guid, Payment>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => (await payments.GetManyAsync(keys, cancellationToken)).ToDictionary(p => p.OrderId);
}
