using System.Text.RegularExpressions;
using Shop.Orders.Products;
using Shop.Orders.Processing;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Orders.Ordering;

/// <summary>
/// Places orders: checks the request, merges duplicate products, snapshots names and prices from the
/// catalog, stores the order as PENDING (once per idempotency key), then hands it to processing.
/// </summary>
public sealed partial class OrderPlacement(IOrderRepository orders, IProductCatalog catalog, TimeProvider clock, HandOff? handOff = null)
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 1000;
    public const int MaxIdempotencyKeyLength = 64;

    public async Task<Order> PlaceAsync(Guid customerId, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var (key, wanted) = Check(request);

        if (await orders.GetByIdempotencyKeyAsync(customerId, key, cancellationToken) is { } earlier)
        {
            return SameRequest(earlier, wanted);
        }

        var products = await catalog.GetProductsAsync([.. wanted.Keys], cancellationToken);
        var lines = Snapshot(wanted, products);

        var order = await StoreAsync(customerId, key, lines, cancellationToken);
        // Without order processing registered there is nobody to hand to: the order stays PENDING.
        if (!order.HandedOff && handOff is not null)
        {
            await handOff.TryAsync(order, cancellationToken);
        }

        return order;
    }

    private static (string Key, Dictionary<Guid, int> Wanted) Check(PlaceOrderRequest request)
    {
        var errors = new List<DomainError>();
        var key = request.IdempotencyKey?.Trim() ?? string.Empty;
        if (!IdempotencyKeyShape().IsMatch(key))
        {
            errors.Add(new DomainError(OrderErrors.InvalidIdempotencyKey,
                $"The idempotency key is 1 to {MaxIdempotencyKeyLength} letters, digits, '-', '_', ':' or '.'.", "idempotencyKey"));
        }

        if (request.Items.Count == 0)
        {
            errors.Add(new DomainError(OrderErrors.NoItems, "An order needs at least one item.", "items"));
        }
        else if (request.Items.Count > MaxLines)
        {
            errors.Add(new DomainError(OrderErrors.TooManyItems, $"An order has at most {MaxLines} items.", "items"));
        }

        var wanted = new Dictionary<Guid, int>();
        for (var i = 0; i < request.Items.Count && i < MaxLines; i++)
        {
            var item = request.Items[i];
            if (!Guid.TryParse(item.ProductId, out var productId))
            {
                errors.Add(new DomainError(IdErrors.Invalid, $"'{item.ProductId}' is not a product id.", $"items[{i}].productId"));
                continue;
            }

            if (item.Quantity is < 1 or > MaxQuantity)
            {
                errors.Add(new DomainError(OrderErrors.InvalidQuantity, $"A quantity is between 1 and {MaxQuantity}.", $"items[{i}].quantity"));
                continue;
            }

            wanted[productId] = wanted.GetValueOrDefault(productId) + item.Quantity;
            if (wanted[productId] > MaxQuantity)
            {
                errors.Add(new DomainError(OrderErrors.InvalidQuantity,
                    $"Product {productId} is asked for {wanted[productId]} times in all; at most {MaxQuantity}.", $"items[{i}].quantity"));
            }
        }

        return errors.Count > 0 ? throw new DomainException(errors) : (key, wanted);
    }

    private static List<OrderLine> Snapshot(Dictionary<Guid, int> wanted, IReadOnlyDictionary<Guid, CatalogProduct> products)
    {
        var errors = new List<DomainError>();
        var lines = new List<OrderLine>(wanted.Count);
        foreach (var (productId, quantity) in wanted)
        {
            if (!products.TryGetValue(productId, out var product))
            {
                errors.Add(new DomainError(IdErrors.NotFound, $"Product {productId} does not exist.", "items"));
            }
            else if (!product.Active)
            {
                errors.Add(new DomainError(OrderErrors.ProductUnavailable, $"{product.Name} is no longer sold.", "items"));
            }
            else
            {
                lines.Add(new OrderLine(productId, product.Name, product.Price, quantity));
            }
        }

        return errors.Count > 0 ? throw new DomainException(errors) : lines;
    }

    private async Task<Order> StoreAsync(Guid customerId, string key, List<OrderLine> lines, CancellationToken cancellationToken)
    {
        // A clash of random codes is rare; draw again a few times.
        for (var attempt = 0; ; attempt++)
        {
            var order = Order.Place(customerId, key, lines, OrderCode.New(), clock.Now());
            try
            {
                var stored = await orders.AddAsync(order, cancellationToken);
                return stored.Id == order.Id ? stored : SameRequest(stored, lines.ToDictionary(l => l.ProductId, l => l.Quantity));
            }
            catch (OrderCodeTakenException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>A repeat of the same key must be the same request; anything else is refused, not merged.</summary>
    private static Order SameRequest(Order earlier, Dictionary<Guid, int> wanted)
    {
        var same = earlier.Lines.Count == wanted.Count
            && earlier.Lines.All(line => wanted.TryGetValue(line.ProductId, out var quantity) && quantity == line.Quantity);
        return same
            ? earlier
            : throw new DomainException(new DomainError(OrderErrors.IdempotencyKeyReused,
                "This idempotency key was used for a different order.", "idempotencyKey"));
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex IdempotencyKeyShape();
}
