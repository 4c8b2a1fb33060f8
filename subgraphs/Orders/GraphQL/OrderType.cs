using Shop.GraphQL.Resolvers;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Money;
using Shop.Orders.Events;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(o => o.Code).Description("Human-readable and unique, such as SHP-7K3F-9Q2M.");
        Field<NonNullGraphType<UserType>>("customer").Resolve(c => new UserReference(c.Source.CustomerId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderItemType>>>>("items").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<MoneyType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<OrderStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderStatusChangeType>>>>("statusHistory")
            .Description("Every status the order has had, oldest first, with its time and reason.")
            .Resolve(c => c.Source.History.Select(change => new OrderStatusChangeEvent(c.Source, change)));
        Field<NonNullGraphType<BooleanGraphType>>("cancelRequested").Resolve(c => c.Source.Cancellation is not null);
        Field<StringGraphType>("cancellationReason").Resolve(c => c.Source.Cancellation?.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt.UtcDateTime);

        // Entity lookups from the gateway honour the same rule as queries: owner or admin, else null.
        this.ResolveReference<OrderReference, Order>((context, reference) =>
        {
            var caller = context.GetCaller();
            return context.Service<OrderByIdDataLoader>().Load(reference.Id)
                .Then(order => order is not null && caller?.CanAccess(order.CustomerId) == true ? order : null)!;
        });
    }
}

/// <summary>What the gateway sends to fetch an order: its key.</summary>
public sealed class OrderReference
{
    public Guid Id { get; set; }
}
