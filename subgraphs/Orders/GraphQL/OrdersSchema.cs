namespace Shop.Orders.GraphQL;

public sealed class OrdersSchema : global::GraphQL.Types.Schema
{
    public OrdersSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<OrdersQuery>();
        Mutation = services.GetRequiredService<OrdersMutation>();
        Subscription = services.GetRequiredService<OrdersSubscription>();
    }
}
