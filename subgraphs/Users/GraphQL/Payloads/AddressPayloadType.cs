using Shop.GraphQL.Resolvers;
using GraphQL.Types;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>The fields of a payload that returns a changed address, and its owner (whose default may have moved).</summary>
public abstract class AddressPayloadType<TErrorType> : ObjectGraphType<AddressPayload>
    where TErrorType : IGraphType
{
    protected AddressPayloadType(string name)
    {
        Name = name;
        Field<AddressType>("address").Resolve(context => context.Source.Address);
        Field<UserType>("user").Resolve(context => context.Source.Address is { } address
            ? context.Service<UserByIdDataLoader>().Load(address.UserId)
            : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorType>>>>("errors").Resolve(context => context.Source.Errors);
    }
}
