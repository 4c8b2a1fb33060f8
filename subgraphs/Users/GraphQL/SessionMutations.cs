using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Mutations;
using Shop.Users.Data;
using Shop.Users.Accounts;
using Shop.Users.GraphQL.Inputs;
using Shop.Users.GraphQL.Payloads;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL;

/// <summary>register, login, refreshToken, logout, changePassword.</summary>
internal static class SessionMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterPayloadType>>("register")
            .Description("Creates a customer account. Sign in with login afterwards. Registrations are throttled per client address.")
            .Argument<NonNullGraphType<RegisterInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RegisterInput>("input");
                var command = new RegisterCommand(input.Email, input.Password, input.FirstName, input.LastName, input.Phone);
                return await MutationPayload<User>.RunAsync(
                    () => context.Service<AccountService>().RegisterAsync(command, context.ClientAddressKey(), context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<LoginPayloadType>>("login")
            .Description("Signs in: a 15-minute access token and a refresh token. Repeated failures slow down: per account and client address with a doubling wait, per client address, and per account only by spacing attempts a few seconds apart, so nobody can lock an account.")
            .Argument<NonNullGraphType<LoginInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<LoginInput>("input");
                return await MutationPayload<IssuedSession>.RunAsync(() => context.Service<SessionService>()
                    .LoginAsync(input.Email, input.Password, context.ClientAddressKey(), context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<RefreshTokenPayloadType>>("refreshToken")
            .Description("Exchanges a refresh token for a new pair. Each refresh token works once: presenting it again ends the session.")
            .Argument<NonNullGraphType<RefreshTokenInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RefreshTokenInput>("input");
                return await MutationPayload<IssuedSession>.RunAsync(() => context.Service<SessionService>().RefreshAsync(input.RefreshToken, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<LogoutPayloadType>>("logout")
            .Description("Ends the session the refresh token belongs to.")
            .Argument<NonNullGraphType<LogoutInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<LogoutInput>("input");
                return await MutationPayload<SessionEnded>.RunAsync(async () =>
                {
                    await context.Service<SessionService>().LogoutAsync(input.RefreshToken, context.CancellationToken);
                    return new SessionEnded();
                });
            });

        mutation.Field<NonNullGraphType<ChangePasswordPayloadType>>("changePassword")
            .Description("Changes the signed-in user's password, ends all their sessions, and opens a new one for this client.")
            .Argument<NonNullGraphType<ChangePasswordInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<ChangePasswordInput>("input");
                return await MutationPayload<IssuedSession>.RunAsync(() => context.Service<AccountService>().ChangePasswordAsync(
                    caller.UserId, input.CurrentPassword, input.NewPassword, context.ClientAddressKey(), context.CancellationToken));
            });
    }
}
