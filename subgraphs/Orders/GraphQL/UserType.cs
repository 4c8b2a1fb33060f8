using Shop.GraphQL.Resolvers;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Relay;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

/// <summary>The users subgraph's User, to which orders contributes <c>orders</c>.</summary>
public sealed class UserType : ObjectGraphType<UserReference>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<OrderConnectionType>>("orders")
            .Description("The user's orders, newest first; visible to the user and to admins.")
            .Arguments(PageRequest<OrderCursor>.Arguments())
            .Resolve(context =>
            {
                context.RequireOwnerOrAdmin(context.Source.Id);
                var page = PageRequest<OrderCursor>.From(context);
                return context.Service<CustomerOrdersDataLoader>()
                    .Load(new CustomerOrdersKey(context.Source.Id, page.First, page.After))
                    .Then(found => found!.ToConnection(page));
            });
        this.ResolveReference<UserReference>((_, reference) => reference);
    }
}

public sealed class UserReference
{
    public UserReference()
    {
    }

    public UserReference(Guid id) => Id = id;

    public Guid Id { get; set; }
}
