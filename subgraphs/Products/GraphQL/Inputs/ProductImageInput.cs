using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class ProductImageInput
{
    public string? Url { get; set; }

    public string? AltText { get; set; }

    public bool Primary { get; set; }
}

public sealed class ProductImageInputType : InputObjectGraphType<ProductImageInput>
{
    public ProductImageInputType()
    {
        Name = "ProductImageInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("An absolute https URL, at most 2048 characters.");
        Field<StringGraphType>("altText").Description("At most 300 characters.");
        Field<NonNullGraphType<BooleanGraphType>>("primary").DefaultValue(false).Description("Exactly one image of a product is primary.");
    }
}
