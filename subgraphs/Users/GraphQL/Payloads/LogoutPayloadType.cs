using GraphQL.Types;
using Shop.Users.GraphQL.Errors;

namespace Shop.Users.GraphQL.Payloads;

public sealed class LogoutPayloadType : ObjectGraphType<LogoutPayload>
{
    public LogoutPayloadType()
    {
        Name = "LogoutPayload";
        Field<NonNullGraphType<BooleanGraphType>>("loggedOut")
            .Description("True when the session is ended: its refresh tokens no longer work. Access tokens already issued run out on their own.")
            .Resolve(context => context.Source.LoggedOut);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LogoutErrorType>>>>("errors").Resolve(context => context.Source.Errors);
    }
}
