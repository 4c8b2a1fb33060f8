using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class RemoveAddressPayloadType : ObjectGraphType<RemoveAddressPayload>
{
    public RemoveAddressPayloadType()
    {
        Name = "RemoveAddressPayload";
        Field<IdGraphType>("removedAddressId").Resolve(context => context.Source.RemovedAddressId);
        Field<UserType>("user")
            .Description("The owner, whose default address may have moved to the newest remaining one.")
            .Resolve(context => context.Source.UserId is { } userId
                ? context.Service<UserByIdDataLoader>().Load(userId)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemoveAddressErrorType>>>>("errors").Resolve(context => context.Source.Errors);
    }
}
