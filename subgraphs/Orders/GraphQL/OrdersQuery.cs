using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Relay;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrdersQuery : ObjectGraphType
{
    public OrdersQuery()
    {
        Name = "Query";

        Field<OrderType>("order")
            .Description("An order of the signed-in customer (any order for admins); null when there is no such order to see.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context =>
            {
                var caller = context.RequireCaller();
                var id = context.GuidArgument("id");
                return context.Service<OrderByIdDataLoader>().Load(id)
                    .Then(order => order is not null && caller.CanAccess(order.CustomerId) ? order : null);
            });

        Field<OrderType>("orderByCode")
            .Description("An order by its code, such as SHP-7K3F-9Q2M; same visibility as order.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                if (OrderCode.Normalize(context.GetArgument<string>("code")) is not { } code)
                {
                    return null;
                }

                var order = await context.Service<IOrderRepository>().GetByCodeAsync(code, context.CancellationToken);
                return order is not null && caller.CanAccess(order.CustomerId) ? order : null;
            });

        Field<NonNullGraphType<OrderConnectionType>>("myOrders")
            .Description("The signed-in customer's orders, newest first.")
            .Arguments(PageRequest<OrderCursor>.Arguments(new QueryArgument<OrderStatusType> { Name = "status" }))
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                return await ListAsync(context, caller.UserId);
            });

        Field<NonNullGraphType<OrderConnectionType>>("orders")
            .Description("Every customer's orders, newest first (admins only).")
            .Arguments(PageRequest<OrderCursor>.Arguments(
                new QueryArgument<OrderStatusType> { Name = "status" },
                new QueryArgument<IdGraphType> { Name = "customerId" }))
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var customerId = context.HasArgument("customerId") && context.GetArgument<string?>("customerId") is not null
                    ? context.GuidArgument("customerId")
                    : (Guid?)null;
                return await ListAsync(context, customerId);
            });
    }

    private static async Task<object?> ListAsync(IResolveFieldContext context, Guid? customerId)
    {
        var page = PageRequest<OrderCursor>.From(context);
        var status = context.GetArgument<OrderStatus?>("status");
        var orders = context.Service<IOrderRepository>();
        var found = await orders.ListAsync(new OrderQuery(customerId, status, page.First, page.After), context.CancellationToken);
        return found.ToConnection(page);
    }
}
