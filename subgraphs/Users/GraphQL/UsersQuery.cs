using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Relay;
using Shop.Domain;
using Shop.Users.Accounts;

namespace Shop.Users.GraphQL;

public sealed class UsersQuery : ObjectGraphType
{
    public UsersQuery()
    {
        Name = "Query";
        Field<UserType>("me")
            .Description("The signed-in user.")
            .Resolve(context => Users(context).Load(context.RequireCaller().UserId));

        Field<UserType>("user")
            .Description("A user by id: yourself, or anyone for an admin.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context =>
            {
                var id = context.GuidArgument("id");
                context.RequireOwnerOrAdmin(id);
                return Users(context).Load(id);
            });

        Field<NonNullGraphType<UserConnectionType>>("users")
            .Description("Every account, oldest first, optionally matching a search in email or name (admins only).")
            .Arguments(PageRequest<Guid>.Arguments(new QueryArgument<StringGraphType> { Name = "search", Description = "Part of an email or name." }))
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var page = PageRequest<Guid>.From(context);
                Guid? after = page.After == Guid.Empty ? null : page.After;
                try
                {
                    var directory = context.Service<UserDirectory>();
                    var (rows, total) = await directory.SearchAsync(context.GetArgument<string?>("search"), page.First, after, context.CancellationToken);
                    return ConnectionFactory.Create(rows, page.First, user => user.Id, total, after is not null);
                }
                catch (DomainException exception)
                {
                    throw new ExecutionError(exception.Message) { Code = exception.Errors[0].Code };
                }
            });
    }

    private static UserByIdDataLoader Users(IResolveFieldContext context)
        => context.Service<UserByIdDataLoader>();
}
