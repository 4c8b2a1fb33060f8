using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class CreateProductInput
{
    public string? Sku { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Price { get; set; }

    public List<string>? CategoryIds { get; set; }

    public List<ProductImageInput>? Images { get; set; }

    public bool Active { get; set; } = true;
}

public sealed class CreateProductInputType : InputObjectGraphType<CreateProductInput>
{
    public CreateProductInputType()
    {
        Name = "CreateProductInput";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("1 to 64 letters, digits, '.', '-' or '_'; stored upper case; unique.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("1 to 200 characters on one line.");
        Field<StringGraphType>("description").Description("At most 5000 characters.");
        Field<NonNullGraphType<StringGraphType>>("price").Description("Unit price in whole VND, more than 0, such as \"129000\".");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("categoryIds").Description("At most 20 existing categories.");
        Field<ListGraphType<NonNullGraphType<ProductImageInputType>>>("images").Description("At most 10; when any, exactly one primary.");
        Field<NonNullGraphType<BooleanGraphType>>("active").DefaultValue(true).Description("False creates it archived.");
    }
}
