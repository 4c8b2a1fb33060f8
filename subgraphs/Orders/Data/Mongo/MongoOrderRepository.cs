using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Mongo;

/// <summary>
/// Orders in MongoDB, one document each. Transitions are optimistic replaces keyed by version.
/// </summary>
public sealed class MongoOrderRepository(IMongoCollection<OrderDocument> collection) : IOrderRepository
{
    public const string CollectionName = "orders";

    static MongoOrderRepository() => OrderDocumentMapping.EnsureRegistered();

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
        => (await collection.Find(MongoOrderQueries.ById(id)).FirstOrDefaultAsync(cancellationToken))?.ToOrder();

    public async Task<Order?> GetByCodeAsync(string code, CancellationToken cancellationToken)
        => (await collection.Find(MongoOrderQueries.ByCode(code)).FirstOrDefaultAsync(cancellationToken))?.ToOrder();

    public async Task<IReadOnlyList<Order>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        => [.. (await collection.Find(MongoOrderQueries.ByIds(ids)).ToListAsync(cancellationToken)).Select(d => d.ToOrder())];

    public async Task<Order?> GetByIdempotencyKeyAsync(Guid customerId, string idempotencyKey, CancellationToken cancellationToken)
        => (await collection.Find(MongoOrderQueries.ByIdempotencyKey(customerId, idempotencyKey)).FirstOrDefaultAsync(cancellationToken))?.ToOrder();

    public async Task<Order> AddAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(order.ToDocument(), cancellationToken: cancellationToken);
            return order;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            if (exception.WriteError.Message.Contains(MongoOrderQueries.CodeIndex, StringComparison.Ordinal))
            {
                throw new OrderCodeTakenException();
            }

            return await GetByIdempotencyKeyAsync(order.CustomerId, order.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("An order under this idempotency key clashed and then vanished.", exception);
        }
    }

    public async Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken)
    {
        var result = await collection.ReplaceOneAsync(
            MongoOrderQueries.ByIdAndVersion(order.Id, expectedVersion), order.ToDocument(), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<IReadOnlyList<OrderStatusChange>> GetStatusChangesAsync(Guid orderId, int afterSequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        var document = await collection.Find(MongoOrderQueries.ById(orderId))
            .Project<StatusHistoryDocument>(MongoOrderQueries.StatusChangesAfter(afterSequence))
            .FirstOrDefaultAsync(cancellationToken);
        return document is null ? [] : document.ToStatusChanges(afterSequence);
    }

    public async Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        var rows = await collection.Find(MongoOrderQueries.Page(query))
            .Sort(MongoOrderQueries.NewestFirst)
            .Limit(query.First + 1)
            .ToListAsync(cancellationToken);
        var total = await collection.CountDocumentsAsync(MongoOrderQueries.Matching(query), cancellationToken: cancellationToken);
        return new OrderPage([.. rows.Select(d => d.ToOrder())], (int)total);
    }

    public async Task<IReadOnlyDictionary<Guid, OrderPage>> ListForCustomersAsync(
        IReadOnlyCollection<Guid> customerIds, int first, CancellationToken cancellationToken)
    {
        var groups = await collection.Aggregate(MongoOrderQueries.FirstPages(customerIds, first), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        var pages = new Dictionary<Guid, OrderPage>();
        foreach (var group in groups)
        {
            var customerId = group["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard);
            var orders = group["orders"].AsBsonArray
                .Select(o => BsonSerializer.Deserialize<OrderDocument>(o.AsBsonDocument).ToOrder())
                .ToList();
            pages[customerId] = new OrderPage(orders, group["total"].ToInt32());
        }

        foreach (var id in customerIds.Where(id => !pages.ContainsKey(id)))
        {
            pages[id] = new OrderPage([], 0);
        }

        return pages;
    }

    public async Task<IReadOnlyList<Order>> GetNotHandedOffAsync(int max, DateTimeOffset placedBefore, CancellationToken cancellationToken)
        => [.. (await collection.Find(MongoOrderQueries.NotHandedOff(placedBefore))
            .Sort(Builders<OrderDocument>.Sort.Ascending(o => o.CreatedAt))
            .Limit(max)
            .ToListAsync(cancellationToken)).Select(d => d.ToOrder())];
}
