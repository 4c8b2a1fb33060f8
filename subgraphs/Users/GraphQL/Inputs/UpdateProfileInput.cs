using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class UpdateProfileInput
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Phone { get; set; }
}

public sealed class UpdateProfileInputType : InputObjectGraphType<UpdateProfileInput>
{
    public UpdateProfileInputType()
    {
        Name = "UpdateProfileInput";
        Description = "Replaces the profile: an omitted phone is cleared.";
        Field<NonNullGraphType<StringGraphType>>("firstName");
        Field<NonNullGraphType<StringGraphType>>("lastName");
        Field<StringGraphType>("phone");
    }
}
