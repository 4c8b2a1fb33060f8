using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Mutations;
using Shop.Users.Accounts;
using Shop.Users.Addresses;
using Shop.Users.Data;
using Shop.Users.GraphQL.Inputs;
using Shop.Users.GraphQL.Payloads;

namespace Shop.Users.GraphQL;

/// <summary>updateProfile and the address book: add, update, remove, set default. All act on the signed-in user.</summary>
internal static class ProfileMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpdateProfilePayloadType>>("updateProfile")
            .Argument<NonNullGraphType<UpdateProfileInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<UpdateProfileInput>("input");
                var command = new UpdateProfileCommand(input.FirstName, input.LastName, input.Phone);
                return await MutationPayload<User>.RunAsync(
                    () => context.Service<AccountService>().UpdateProfileAsync(caller.UserId, command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<AddAddressPayloadType>>("addAddress")
            .Argument<NonNullGraphType<AddAddressInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<AddAddressInput>("input");
                var command = new AddressCommand(input.RecipientName, input.Phone, input.Line1, input.Line2, input.City,
                    input.Region, input.PostalCode, input.CountryCode, input.IsDefault);
                return await MutationPayload<Address>.RunAsync(() => context.Service<AddressBook>().AddAsync(caller.UserId, command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<UpdateAddressPayloadType>>("updateAddress")
            .Argument<NonNullGraphType<UpdateAddressInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<UpdateAddressInput>("input");
                var command = new AddressCommand(input.RecipientName, input.Phone, input.Line1, input.Line2, input.City,
                    input.Region, input.PostalCode, input.CountryCode, input.IsDefault);
                return await MutationPayload<Address>.RunAsync(() => context.Service<AddressBook>().UpdateAsync(caller.UserId, input.AddressId, command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<RemoveAddressPayloadType>>("removeAddress")
            .Argument<NonNullGraphType<RemoveAddressInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<RemoveAddressInput>("input");
                return await MutationPayload<RemovedAddress>.RunAsync(async () => new RemovedAddress(
                    await context.Service<AddressBook>().RemoveAsync(caller.UserId, input.AddressId, context.CancellationToken), caller.UserId));
            });

        mutation.Field<NonNullGraphType<SetDefaultAddressPayloadType>>("setDefaultAddress")
            .Argument<NonNullGraphType<SetDefaultAddressInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<SetDefaultAddressInput>("input");
                return await MutationPayload<Address>.RunAsync(() => context.Service<AddressBook>().SetDefaultAsync(caller.UserId, input.AddressId, context.CancellationToken));
            });
    }
}
