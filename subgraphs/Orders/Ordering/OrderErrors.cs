using Shop.Domain;

namespace Shop.Orders.Ordering;

/// <summary>
/// The stable codes of every refusal the orders domain makes; a bad or unknown order or product id
/// is one of <see cref="IdErrors"/>.
/// </summary>
public static class OrderErrors
{
    public const string NoItems = "NO_ITEMS";
    public const string TooManyItems = "TOO_MANY_ITEMS";
    public const string InvalidQuantity = "INVALID_QUANTITY";
    public const string CatalogUnavailable = "CATALOG_UNAVAILABLE";
    public const string ProductUnavailable = "PRODUCT_UNAVAILABLE";
    public const string InvalidIdempotencyKey = "INVALID_IDEMPOTENCY_KEY";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string NotCancellable = "ORDER_NOT_CANCELLABLE";
    public const string IllegalTransition = "ILLEGAL_TRANSITION";
    public const string StaleStatus = "STALE_STATUS";
    public const string InvalidReason = "INVALID_REASON";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    public static DomainException OrderNotFound(Guid id) => new(new DomainError(IdErrors.NotFound, $"Order {id} does not exist."));
}
