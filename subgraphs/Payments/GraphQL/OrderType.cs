using GraphQL.Federation;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Resolvers;

namespace Shop.Payments.GraphQL;

/// <summary>The orders subgraph's Order, to which payments contributes <c>payment</c>.</summary>
public sealed class OrderType : ObjectGraphType<OrderReference>
{
    public OrderType()
    {
        Name = "Order";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<PaymentType>("payment")
            .Description("The order's ZaloPay payment, once order processing created it; for the order's customer and admins.")
            .Resolve(context =>
            {
                // Someone else's payment reads as none, exactly like someone else's order.
                var caller = context.GetCaller();
                return context.Service<PaymentByOrderIdDataLoader>().Load(context.Source.Id)
                    .Then(payment => payment is not null && caller?.CanAccess(payment.CustomerId) == true ? payment : null);
            });
        this.ResolveReference<OrderReference>((_, reference) => reference);
    }
}

public sealed class OrderReference
{
    public OrderReference()
    {
    }

    public OrderReference(Guid id) => Id = id;

    public Guid Id { get; set; }
}
