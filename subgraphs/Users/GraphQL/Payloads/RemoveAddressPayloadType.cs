using GraphQL.Types;
using Shop.GraphQL.Mutations;
using Shop.GraphQL.Resolvers;
using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class RemoveAddressPayloadType() : PayloadType<RemovedAddress, RemoveAddressErrorType>("RemoveAddressPayload", payload =>
{
    payload.Field<IdGraphType>("removedAddressId").Resolve(context => context.Source.Entity?.AddressId);
    payload.Field<UserType>("user")
        .Description("The owner, whose default address may have moved to the newest remaining one.")
        .Resolve(context => context.Source.Entity is { } removed
            ? context.Service<UserByIdDataLoader>().Load(removed.UserId)
            : null);
});
