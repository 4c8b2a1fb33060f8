using GraphQL.Types;

namespace Shop.Users.GraphQL;

public sealed class UsersSchema : Schema
{
    public UsersSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<UsersQuery>();
        Mutation = services.GetRequiredService<UsersMutation>();
    }
}
