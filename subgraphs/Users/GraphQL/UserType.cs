using Shop.GraphQL.Resolvers;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.Users.Data;

namespace Shop.Users.GraphQL;

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        Description = "A Shop account. Only its owner and admins can read it.";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field(user => user.Email).Description("As the user typed it; unique regardless of case.");
        Field(user => user.FirstName);
        Field(user => user.LastName);
        Field(user => user.Phone, nullable: true);
        Field<NonNullGraphType<RoleType>>("role").Resolve(context => context.Source.Role);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(context => context.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AddressType>>>>("addresses")
            .Description("The default address first, then the others oldest first.")
            .Resolve(context => Addresses(context).Load(context.Source.Id));
        Field<AddressType>("defaultAddress")
            .Resolve(context => Addresses(context).Load(context.Source.Id).Then(list => list?.FirstOrDefault(a => a.IsDefault)));

        this.ResolveReference<UserReference, User>((context, reference) =>
        {
            var id = IdArguments.Parse(reference.Id, "id");
            context.RequireOwnerOrAdmin(id);
            return context.Service<UserByIdDataLoader>().Load(id);
        });
    }

    private static AddressesByUserIdDataLoader Addresses(IResolveFieldContext context)
        => context.Service<AddressesByUserIdDataLoader>();
}

/// <summary>What a gateway sends to fetch a user: its key.</summary>
public sealed class UserReference
{
    public string? Id { get; set; }
}
