using MongoDB.Driver;

namespace Shop.Payments.Data.Mongo;

/// <summary>Creates the collection's indexes at start-up (a no-op when they exist).</summary>
public sealed class MongoPaymentIndexes(IMongoCollection<PaymentDocument> collection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
        => collection.Indexes.CreateManyAsync(MongoPaymentQueries.Indexes, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
