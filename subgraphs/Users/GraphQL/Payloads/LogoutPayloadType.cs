using GraphQL.Types;
using Shop.GraphQL.Mutations;
using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class LogoutPayloadType() : PayloadType<SessionEnded, LogoutErrorType>("LogoutPayload", payload =>
    payload.Field<NonNullGraphType<BooleanGraphType>>("loggedOut")
        .Description("True when the session is ended: its refresh tokens no longer work. Access tokens already issued run out on their own.")
        .Resolve(context => context.Source.Entity is not null));
