using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class CreateCategoryInput
{
    public string? Slug { get; set; }

    public string? Name { get; set; }
}

public sealed class CreateCategoryInputType : InputObjectGraphType<CreateCategoryInput>
{
    public CreateCategoryInputType()
    {
        Name = "CreateCategoryInput";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Lower-case words joined by hyphens, such as \"coffee-and-tea\"; unique, never changes.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("1 to 100 characters on one line.");
    }
}
