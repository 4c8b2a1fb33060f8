using GraphQL.Types;

namespace Shop.Users.GraphQL;

public sealed class UsersMutation : ObjectGraphType
{
    public UsersMutation()
    {
        Name = "Mutation";
        SessionMutations.AddTo(this);
        ProfileMutations.AddTo(this);
    }
}
