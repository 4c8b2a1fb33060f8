using MongoDB.Driver;
using Shop.Payments.Paying;
using Shop.Payments.Data.Mongo;

namespace Shop.Payments.Tests.Storage;

/// <summary>
/// The contract suite on MongoDB. It needs a server: set SHOP_TEST_MONGO to a connection string
/// (each run uses a database of its own, dropped afterwards); without it every test is skipped.
/// </summary>
public sealed class MongoPaymentRepositoryTests(MongoPaymentRepositoryTests.Database database)
    : PaymentRepositoryContract, IClassFixture<MongoPaymentRepositoryTests.Database>
{
    public const string SkipReason = "SHOP_TEST_MONGO is not set: no MongoDB server on this machine (the BSON mapping and the rendered queries are tested without one).";

    protected override IPaymentRepository Repository()
    {
        Assert.SkipWhen(database.Collection is null, SkipReason);
        return new MongoPaymentRepository(database.Collection!);
    }

    public sealed class Database : IAsyncLifetime
    {
        private IMongoDatabase? _database;

        public IMongoCollection<PaymentDocument>? Collection { get; private set; }

        public async ValueTask InitializeAsync()
        {
            if (Environment.GetEnvironmentVariable("SHOP_TEST_MONGO") is not { Length: > 0 } connectionString)
            {
                return;
            }

            var client = new MongoClient(connectionString);
            _database = client.GetDatabase("shop_payments_test_" + Guid.NewGuid().ToString("N")[..12]);
            Collection = _database.GetCollection<PaymentDocument>(MongoPaymentRepository.CollectionName);
            await new MongoPaymentIndexes(Collection).StartAsync(default);
        }

        public async ValueTask DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
            }
        }
    }
}
