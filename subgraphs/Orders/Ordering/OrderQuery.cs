namespace Shop.Orders.Ordering;

/// <summary>A keyset page request: orders after <paramref name="After"/> in (created, id) descending order.</summary>
public sealed record OrderQuery(Guid? CustomerId, OrderStatus? Status, int First, OrderCursor? After);

/// <summary>The sort key of an order in listings.</summary>
public sealed record OrderCursor(DateTimeOffset CreatedAt, Guid Id);

/// <summary>Up to <c>First + 1</c> orders (the extra tells that more follow) and the total matching.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Orders, int TotalCount);
