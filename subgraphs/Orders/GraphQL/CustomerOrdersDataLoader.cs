using Shop.GraphQL.DataLoader;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

/// <summary>
/// <c>User.orders</c> for many users at once: first pages share one query; a page after a cursor
/// (one user paging on) is fetched on its own.
/// </summary>
public sealed class CustomerOrdersDataLoader(IOrderRepository orders) : BatchDataLoader<CustomerOrdersKey, OrderPage>
{
    protected override async Task<IReadOnlyDictionary<CustomerOrdersKey, OrderPage>> FetchAsync(
        IReadOnlyList<CustomerOrdersKey> keys, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<CustomerOrdersKey, OrderPage>();
        foreach (var sameSize in keys.Where(k => k.After is null).GroupBy(k => k.First))
        {
            var found = await orders.ListForCustomersAsync([.. sameSize.Select(k => k.CustomerId)], sameSize.Key, cancellationToken);
            foreach (var key in sameSize)
            {
                pages[key] = found[key.CustomerId];
            }
        }

        foreach (var key in keys.Where(k => k.After is not null))
        {
            pages[key] = await orders.ListAsync(new OrderQuery(key.CustomerId, null, key.First, key.After), cancellationToken);
        }

        return pages;
    }
}

public sealed record CustomerOrdersKey(Guid CustomerId, int First, OrderCursor? After);
