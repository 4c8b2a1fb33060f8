using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }
}

public sealed class ChangePasswordInputType : InputObjectGraphType<ChangePasswordInput>
{
    public ChangePasswordInputType()
    {
        Name = "ChangePasswordInput";
        Field<NonNullGraphType<StringGraphType>>("currentPassword");
        Field<NonNullGraphType<StringGraphType>>("newPassword");
    }
}
