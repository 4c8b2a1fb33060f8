using GraphQL.Types;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderRequest>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderItemInputType>>>>("items")
            .Description($"1 to {OrderPlacement.MaxLines} lines; lines of the same product are merged.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the client per order (1-64 of A-Z a-z 0-9 - _ : .): repeating a request with the same key returns the same order.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var items = ((IEnumerable<object?>)value["items"]!).Cast<PlaceOrderItem>().ToList();
        return new PlaceOrderRequest(items, (string?)value["idempotencyKey"]);
    }
}

public sealed class OrderItemInputType : InputObjectGraphType<PlaceOrderItem>
{
    public OrderItemInputType()
    {
        Name = "OrderItemInput";
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"1 to {OrderPlacement.MaxQuantity}.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new PlaceOrderItem(value["productId"]?.ToString(), (int)value["quantity"]!);
}
