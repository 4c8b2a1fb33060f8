using Shop.Orders.Ordering;
using Shop.Orders.Data.Postgres;

namespace Shop.Orders.Tests.Storage;

public sealed class PostgresOrderRepositoryTests(OrdersDatabase database) : OrderRepositoryContract, IClassFixture<OrdersDatabase>
{
    protected override IOrderRepository Repository() => new PostgresOrderRepository(database.CreateContextFactory());
}
