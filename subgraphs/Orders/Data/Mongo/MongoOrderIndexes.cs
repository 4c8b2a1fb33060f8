using MongoDB.Driver;

namespace Shop.Orders.Data.Mongo;

/// <summary>Creates the collection's indexes at start-up (a no-op when they exist).</summary>
public sealed class MongoOrderIndexes(IMongoCollection<OrderDocument> collection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
        => collection.Indexes.CreateManyAsync(MongoOrderQueries.Indexes, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
