using Shop.GraphQL.Relay;
using Shop.Users.Data;

namespace Shop.Users.GraphQL;

public sealed class UserConnectionType() : ConnectionGraphType<UserType, User>("User");
