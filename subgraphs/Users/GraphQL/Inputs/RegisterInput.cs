using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class RegisterInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Phone { get; set; }
}

public sealed class RegisterInputType : InputObjectGraphType<RegisterInput>
{
    public RegisterInputType()
    {
        Name = "RegisterInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password").Description("10 to 128 characters (the minimum is configurable); not a common password.");
        Field<NonNullGraphType<StringGraphType>>("firstName");
        Field<NonNullGraphType<StringGraphType>>("lastName");
        Field<StringGraphType>("phone");
    }
}
