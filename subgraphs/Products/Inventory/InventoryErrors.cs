namespace Shop.Products.Inventory;

/// <summary>
/// The stable codes of inventory refusals (the gRPC "reason" trailer, GraphQL error codes); a bad or
/// unknown id (order, product, reservation) is one of <see cref="Shop.Domain.IdErrors"/>.
/// </summary>
public static class InventoryErrors
{
    public const string InvalidLines = "INVALID_LINES";
    public const string InvalidQuantity = "INVALID_QUANTITY";
    public const string InvalidReason = "INVALID_REASON";
    public const string ReservationConflict = "RESERVATION_CONFLICT";
    public const string InsufficientStock = "INSUFFICIENT_STOCK";
    public const string ProductArchived = "PRODUCT_ARCHIVED";
    public const string ReservationCommitted = "RESERVATION_COMMITTED";
    public const string ReservationReleased = "RESERVATION_RELEASED";
    public const string ReservationRejected = "RESERVATION_REJECTED";
    public const string StockBelowReserved = "STOCK_BELOW_RESERVED";
}
