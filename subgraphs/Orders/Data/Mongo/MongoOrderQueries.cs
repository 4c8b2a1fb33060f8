using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Mongo;

/// <summary>
/// Every filter, sort, pipeline and index the MongoDB adapter sends, built in one place so tests can
/// render them to BSON without a server.
/// </summary>
public static class MongoOrderQueries
{
    public const string CodeIndex = "ux_code";
    public const string IdempotencyIndex = "ux_customer_idempotency_key";

    // More than the lifecycle can ever produce (it has seven statuses); $slice needs a count.
    private const int MaxHistory = 64;

    private static FilterDefinitionBuilder<OrderDocument> Filter => Builders<OrderDocument>.Filter;

    public static FilterDefinition<OrderDocument> ById(Guid id) => Filter.Eq(o => o.Id, id);

    public static FilterDefinition<OrderDocument> ByIds(IEnumerable<Guid> ids) => Filter.In(o => o.Id, ids);

    public static FilterDefinition<OrderDocument> ByCode(string code) => Filter.Eq(o => o.Code, code);

    public static FilterDefinition<OrderDocument> ByIdempotencyKey(Guid customerId, string key)
        => Filter.And(Filter.Eq(o => o.CustomerId, customerId), Filter.Eq(o => o.IdempotencyKey, key));

    /// <summary>The optimistic write: only the version the change was computed from is replaced.</summary>
    public static FilterDefinition<OrderDocument> ByIdAndVersion(Guid id, long version)
        => Filter.And(Filter.Eq(o => o.Id, id), Filter.Eq(o => o.Version, version));

    /// <summary>
    /// Only the history entries after <paramref name="afterSequence"/> (a change's sequence is its
    /// place in the array, counting from 1), and nothing else of the order.
    /// </summary>
    public static ProjectionDefinition<OrderDocument> StatusChangesAfter(int afterSequence)
        => Builders<OrderDocument>.Projection.Include(o => o.Id).Slice(o => o.History, afterSequence, MaxHistory);

    /// <summary>The orders a listing counts: by customer and status when given.</summary>
    public static FilterDefinition<OrderDocument> Matching(OrderQuery query)
    {
        var filter = Filter.Empty;
        if (query.CustomerId is { } customerId)
        {
            filter &= Filter.Eq(o => o.CustomerId, customerId);
        }

        if (query.Status is { } status)
        {
            filter &= Filter.Eq(o => o.Status, status);
        }

        return filter;
    }

    /// <summary>The page a listing returns: after the cursor in (createdAt, _id) descending order.</summary>
    public static FilterDefinition<OrderDocument> Page(OrderQuery query)
    {
        var filter = Matching(query);
        if (query.After is { } after)
        {
            filter &= Filter.Or(
                Filter.Lt(o => o.CreatedAt, after.CreatedAt),
                Filter.And(Filter.Eq(o => o.CreatedAt, after.CreatedAt), Filter.Lt(o => o.Id, after.Id)));
        }

        return filter;
    }

    public static SortDefinition<OrderDocument> NewestFirst => Builders<OrderDocument>.Sort.Descending(o => o.CreatedAt).Descending(o => o.Id);

    public static FilterDefinition<OrderDocument> NotHandedOff(DateTimeOffset placedBefore)
        => Filter.And(Filter.Eq(o => o.HandedOff, false), Filter.Lt(o => o.CreatedAt, placedBefore));

    /// <summary>First pages of several customers in one aggregation: count and top N per customer.</summary>
    public static PipelineDefinition<OrderDocument, BsonDocument> FirstPages(IReadOnlyCollection<Guid> customerIds, int first)
        => new BsonDocument[]
        {
            new("$match", new BsonDocument("customerId", new BsonDocument("$in", new BsonArray(customerIds.Select(id => new BsonBinaryData(id, GuidRepresentation.Standard)))))),
            new("$group", new BsonDocument
            {
                ["_id"] = "$customerId",
                ["total"] = new BsonDocument("$sum", 1),
                ["orders"] = new BsonDocument("$topN", new BsonDocument
                {
                    ["n"] = first + 1,
                    ["sortBy"] = new BsonDocument { ["createdAt"] = -1, ["_id"] = -1 },
                    ["output"] = "$$ROOT",
                }),
            }),
        };

    public static IReadOnlyList<CreateIndexModel<OrderDocument>> Indexes { get; } =
    [
        new(Builders<OrderDocument>.IndexKeys.Ascending(o => o.Code), new CreateIndexOptions { Name = CodeIndex, Unique = true }),
        new(Builders<OrderDocument>.IndexKeys.Ascending(o => o.CustomerId).Ascending(o => o.IdempotencyKey),
            new CreateIndexOptions { Name = IdempotencyIndex, Unique = true }),
        new(Builders<OrderDocument>.IndexKeys.Ascending(o => o.CustomerId).Descending(o => o.CreatedAt).Descending(o => o.Id),
            new CreateIndexOptions { Name = "ix_customer_created" }),
        new(Builders<OrderDocument>.IndexKeys.Descending(o => o.CreatedAt).Descending(o => o.Id),
            new CreateIndexOptions { Name = "ix_created" }),
        new(Builders<OrderDocument>.IndexKeys.Ascending(o => o.CreatedAt),
            new CreateIndexOptions<OrderDocument> { Name = "ix_not_handed_off", PartialFilterExpression = Builders<OrderDocument>.Filter.Eq(o => o.HandedOff, false) }),
    ];
}
