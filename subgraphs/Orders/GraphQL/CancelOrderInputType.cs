using GraphQL.Types;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class CancelOrderInputType : InputObjectGraphType<CancelOrderInput>
{
    public CancelOrderInputType()
    {
        Name = "CancelOrderInput";
        Field<NonNullGraphType<IdGraphType>>("orderId");
        Field<StringGraphType>("reason").Description($"Why, in the customer's words; at most {OrderReason.MaxLength} characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new CancelOrderInput(value["orderId"]?.ToString(), value.TryGetValue("reason", out var reason) ? (string?)reason : null);
}

public sealed record CancelOrderInput(string? OrderId, string? Reason);
