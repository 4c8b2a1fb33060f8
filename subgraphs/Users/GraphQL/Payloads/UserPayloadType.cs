using GraphQL.Types;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>The fields of a payload that returns the changed user.</summary>
public abstract class UserPayloadType<TErrorType> : ObjectGraphType<UserPayload>
    where TErrorType : IGraphType
{
    protected UserPayloadType(string name)
    {
        Name = name;
        Field<UserType>("user").Resolve(context => context.Source.User);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorType>>>>("errors").Resolve(context => context.Source.Errors);
    }
}
