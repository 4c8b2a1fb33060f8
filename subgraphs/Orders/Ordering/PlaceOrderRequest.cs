namespace Shop.Orders.Ordering;

/// <summary>What a customer asks for; checked by <see cref="OrderPlacement"/>.</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<PlaceOrderItem> Items, string? IdempotencyKey);

/// <summary>A requested line; the product id is still text until checked.</summary>
public sealed record PlaceOrderItem(string? ProductId, int Quantity);
