using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class RefreshTokenInput
{
    public string? RefreshToken { get; set; }
}

public sealed class RefreshTokenInputType : InputObjectGraphType<RefreshTokenInput>
{
    public RefreshTokenInputType()
    {
        Name = "RefreshTokenInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("The refresh token of the last sign-in or refresh; it can be used once.");
    }
}
