using MongoDB.Driver;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Mongo;

/// <summary>
/// Every filter, sort and index the MongoDB adapter sends, built in one place so tests can render
/// them to BSON without a server.
/// </summary>
public static class MongoPaymentQueries
{
    public const string AppTransIdIndex = "ux_attempts_app_trans_id";

    private static FilterDefinitionBuilder<PaymentDocument> Filter => Builders<PaymentDocument>.Filter;

    public static FilterDefinition<PaymentDocument> ById(Guid orderId) => Filter.Eq(p => p.OrderId, orderId);

    public static FilterDefinition<PaymentDocument> ByIds(IEnumerable<Guid> orderIds) => Filter.In(p => p.OrderId, orderIds);

    public static FilterDefinition<PaymentDocument> ByAppTransId(string appTransId)
        => Filter.ElemMatch(p => p.Attempts, a => a.AppTransId == appTransId);

    /// <summary>The optimistic write: only the version the change was computed from is replaced.</summary>
    public static FilterDefinition<PaymentDocument> ByIdAndVersion(Guid orderId, long version)
        => Filter.And(Filter.Eq(p => p.OrderId, orderId), Filter.Eq(p => p.Version, version));

    public static FilterDefinition<PaymentDocument> Matching(PaymentQuery query)
        => query.Status is { } status ? Filter.Eq(p => p.Status, status) : Filter.Empty;

    /// <summary>The page a listing returns: after the cursor in (createdAt, _id) descending order.</summary>
    public static FilterDefinition<PaymentDocument> Page(PaymentQuery query)
    {
        var filter = Matching(query);
        if (query.After is { } after)
        {
            filter &= Filter.Or(
                Filter.Lt(p => p.CreatedAt, after.CreatedAt),
                Filter.And(Filter.Eq(p => p.CreatedAt, after.CreatedAt), Filter.Lt(p => p.OrderId, after.OrderId)));
        }

        return filter;
    }

    public static SortDefinition<PaymentDocument> NewestFirst => Builders<PaymentDocument>.Sort.Descending(p => p.CreatedAt).Descending(p => p.OrderId);

    public static SortDefinition<PaymentDocument> OldestChangeFirst => Builders<PaymentDocument>.Sort.Ascending(p => p.UpdatedAt);

    public static FilterDefinition<PaymentDocument> NotifyPending(DateTimeOffset changedBefore)
        => Filter.And(Filter.Eq(p => p.NotifyPending, true), Filter.Lt(p => p.UpdatedAt, changedBefore));

    public static FilterDefinition<PaymentDocument> RefundsPending(DateTimeOffset changedBefore)
        => Filter.And(Filter.Eq(p => p.RefundsPending, true), Filter.Lt(p => p.UpdatedAt, changedBefore));

    public static IReadOnlyList<CreateIndexModel<PaymentDocument>> Indexes { get; } =
    [
        new(Builders<PaymentDocument>.IndexKeys.Ascending("attempts.appTransId"),
            new CreateIndexOptions { Name = AppTransIdIndex, Unique = true, Sparse = true }),
        new(Builders<PaymentDocument>.IndexKeys.Descending(p => p.CreatedAt).Descending(p => p.OrderId),
            new CreateIndexOptions { Name = "ix_created" }),
        new(Builders<PaymentDocument>.IndexKeys.Ascending(p => p.Status).Descending(p => p.CreatedAt).Descending(p => p.OrderId),
            new CreateIndexOptions { Name = "ix_status_created" }),
        new(Builders<PaymentDocument>.IndexKeys.Ascending(p => p.UpdatedAt),
            new CreateIndexOptions<PaymentDocument> { Name = "ix_notify_pending", PartialFilterExpression = Filter.Eq(p => p.NotifyPending, true) }),
        new(Builders<PaymentDocument>.IndexKeys.Ascending(p => p.UpdatedAt),
            new CreateIndexOptions<PaymentDocument> { Name = "ix_refunds_pending", PartialFilterExpression = Filter.Eq(p => p.RefundsPending, true) }),
    ];
}
