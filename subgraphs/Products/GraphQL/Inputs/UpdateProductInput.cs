using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class UpdateProductInput
{
    public string? Id { get; set; }

    public string? Sku { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Price { get; set; }

    public List<string>? CategoryIds { get; set; }

    public List<ProductImageInput>? Images { get; set; }

    public bool? Active { get; set; }
}

public sealed class UpdateProductInputType : InputObjectGraphType<UpdateProductInput>
{
    public UpdateProductInputType()
    {
        Name = "UpdateProductInput";
        Description = "Fields left out (or null) keep their value; a list given replaces the whole list.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("sku");
        Field<StringGraphType>("name");
        Field<StringGraphType>("description").Description("An empty string clears it.");
        Field<StringGraphType>("price").Description("Unit price in whole VND, more than 0.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("categoryIds");
        Field<ListGraphType<NonNullGraphType<ProductImageInputType>>>("images");
        Field<BooleanGraphType>("active").Description("True puts an archived product back on sale.");
    }
}
