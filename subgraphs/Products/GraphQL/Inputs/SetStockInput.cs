using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class SetStockInput
{
    public string? ProductId { get; set; }

    public int Total { get; set; }

    public string? Reason { get; set; }
}

public sealed class SetStockInputType : InputObjectGraphType<SetStockInput>
{
    public SetStockInputType()
    {
        Name = "SetStockInput";
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field<NonNullGraphType<IntGraphType>>("total").Description("Units now on hand, counted; never below the units held for orders.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, such as \"Stock count 2024-06-01\"; 1 to 500 characters.");
    }
}
