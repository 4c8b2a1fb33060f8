using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class LoginInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

public sealed class LoginInputType : InputObjectGraphType<LoginInput>
{
    public LoginInputType()
    {
        Name = "LoginInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password");
    }
}
