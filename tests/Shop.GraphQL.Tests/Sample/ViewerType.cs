using GraphQL.Types;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Tests.Sample;

public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Field(c => c.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Role);
    }
}
