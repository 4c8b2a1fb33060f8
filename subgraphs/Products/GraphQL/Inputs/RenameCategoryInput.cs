using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class RenameCategoryInput
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

public sealed class RenameCategoryInputType : InputObjectGraphType<RenameCategoryInput>
{
    public RenameCategoryInputType()
    {
        Name = "RenameCategoryInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name").Description("1 to 100 characters on one line.");
    }
}
