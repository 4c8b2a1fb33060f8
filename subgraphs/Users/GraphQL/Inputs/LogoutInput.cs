using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class LogoutInput
{
    public string? RefreshToken { get; set; }
}

public sealed class LogoutInputType : InputObjectGraphType<LogoutInput>
{
    public LogoutInputType()
    {
        Name = "LogoutInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("Any refresh token of the session to end.");
    }
}
