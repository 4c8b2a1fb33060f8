using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.GraphQL.Resolvers;
using Shop.Users.Data;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>A payload that returns a changed address, and its owner (whose default may have moved).</summary>
public abstract class AddressPayloadType<TErrorType>(string name) : PayloadType<Address, TErrorType>(name, payload =>
{
    payload.Field<AddressType>("address").Resolve(context => context.Source.Entity);
    payload.Field<UserType>("user").Resolve(context => context.Source.Entity is { } address
        ? context.Service<UserByIdDataLoader>().Load(address.UserId)
        : null);
})
    where TErrorType : DomainErrorType;
