using MongoDB.Driver;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Mongo;

/// <summary>Payments in MongoDB, one document each; updates are optimistic replaces keyed by version.</summary>
public sealed class MongoPaymentRepository(IMongoCollection<PaymentDocument> collection) : IPaymentRepository
{
    public const string CollectionName = "payments";

    static MongoPaymentRepository() => PaymentDocumentMapping.EnsureRegistered();

    public async Task<Payment?> GetAsync(Guid orderId, CancellationToken cancellationToken)
        => (await collection.Find(MongoPaymentQueries.ById(orderId)).FirstOrDefaultAsync(cancellationToken))?.ToPayment();

    public async Task<IReadOnlyList<Payment>> GetManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
        => [.. (await collection.Find(MongoPaymentQueries.ByIds(orderIds)).ToListAsync(cancellationToken)).Select(d => d.ToPayment())];

    public async Task<Payment?> GetByAppTransIdAsync(string appTransId, CancellationToken cancellationToken)
        => (await collection.Find(MongoPaymentQueries.ByAppTransId(appTransId)).FirstOrDefaultAsync(cancellationToken))?.ToPayment();

    public async Task<bool> TryAddAsync(Payment payment, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(payment.ToDocument(), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey
            && !exception.WriteError.Message.Contains(MongoPaymentQueries.AppTransIdIndex, StringComparison.Ordinal))
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateAsync(Payment payment, long expectedVersion, CancellationToken cancellationToken)
    {
        var result = await collection.ReplaceOneAsync(
            MongoPaymentQueries.ByIdAndVersion(payment.OrderId, expectedVersion), payment.ToDocument(), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<PaymentPage> ListAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        var rows = await collection.Find(MongoPaymentQueries.Page(query))
            .Sort(MongoPaymentQueries.NewestFirst)
            .Limit(query.First + 1)
            .ToListAsync(cancellationToken);
        var total = await collection.CountDocumentsAsync(MongoPaymentQueries.Matching(query), cancellationToken: cancellationToken);
        return new PaymentPage([.. rows.Select(d => d.ToPayment())], (int)total);
    }

    public async Task<IReadOnlyList<Payment>> GetUnsettledAsync(int max, DateTimeOffset changedBefore, CancellationToken cancellationToken)
    {
        var notify = await collection.Find(MongoPaymentQueries.NotifyPending(changedBefore))
            .Sort(MongoPaymentQueries.OldestChangeFirst).Limit(max).ToListAsync(cancellationToken);
        var refunds = await collection.Find(MongoPaymentQueries.RefundsPending(changedBefore))
            .Sort(MongoPaymentQueries.OldestChangeFirst).Limit(max).ToListAsync(cancellationToken);
        return [.. notify.Concat(refunds).DistinctBy(d => d.OrderId).Select(d => d.ToPayment())];
    }
}
