using Shop.GraphQL.DataLoader;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderByIdDataLoader(IOrderRepository orders) : BatchDataLoader<Guid, Order>
{
    protected override async Task<IReadOnlyDictionary<Guid, Order>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => (await orders.GetManyAsync(keys, cancellationToken)).ToDictionary(o => o.Id);
}
