using Shop.Orders.Ordering;
using Shop.ServiceDefaults.Domain;

namespace Shop.Orders.GraphQL;

/// <summary>A mutation's result: the order, or why there is none.</summary>
public sealed record OrderPayload(Order? Order, IReadOnlyList<DomainError> Errors)
{
    public static OrderPayload Of(Order order) => new(order, []);

    public static OrderPayload Failed(DomainException exception) => new(null, exception.Errors);
}
