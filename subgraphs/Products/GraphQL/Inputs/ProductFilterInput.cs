using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class ProductFilterInput
{
    public string? Search { get; set; }

    public string? CategoryId { get; set; }

    public string? MinPrice { get; set; }

    public string? MaxPrice { get; set; }

    public bool? InStock { get; set; }

    public bool? Active { get; set; }
}

public sealed class ProductFilterInputType : InputObjectGraphType<ProductFilterInput>
{
    public ProductFilterInputType()
    {
        Name = "ProductFilterInput";
        Description = "Every part is optional; a product must match all that are given.";
        Field<StringGraphType>("search").Description("Part of the name or SKU, case ignored; at most 100 characters.");
        Field<IdGraphType>("categoryId").Description("Only products in this category.");
        Field<StringGraphType>("minPrice").Description("Lowest unit price in whole VND, such as \"100000\".");
        Field<StringGraphType>("maxPrice").Description("Highest unit price in whole VND.");
        Field<BooleanGraphType>("inStock").Description("True: at least one unit available; false: none available.");
        Field<BooleanGraphType>("active").Description("Admins only see archived products; for others active: false matches nothing.");
    }
}
