using GraphQL.Types;
using Shop.GraphQL.Money;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderItemType : ObjectGraphType<OrderLine>
{
    public OrderItemType()
    {
        Name = "OrderItem";
        Field<NonNullGraphType<ProductType>>("product").Resolve(c => new ProductReference(c.Source.ProductId));
        Field(l => l.ProductName).Description("The product's name when the order was placed.");
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price when the order was placed.").Resolve(c => c.Source.UnitPrice);
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyType>>("lineTotal").Resolve(c => c.Source.LineTotal);
    }
}
