using GraphQL.Types.Relay.DataObjects;
using Shop.GraphQL.Relay;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

internal static class OrderPaging
{
    public static Connection<Order> ToConnection(this OrderPage page, PageRequest<OrderCursor> request)
        => ConnectionFactory.Create(page.Orders, request.First, o => new OrderCursor(o.CreatedAt, o.Id), page.TotalCount, request.After is not null);
}
