using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Shop.Payments.Paying;
using Shop.Payments.Data.Mongo;

namespace Shop.Payments.Tests.Storage;

/// <summary>The MongoDB adapter checked without a server: documents through the BSON serializer, queries rendered.</summary>
public sealed class MongoMappingTests
{
    private static readonly Guid OrderId = Guid.Parse("0193c5d2-7a10-7c3e-8a55-2f0e9b1d4c01");
    private static readonly Guid CustomerId = Guid.Parse("0193c5d2-7a10-7c3e-8a55-2f0e9b1d4c02");
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 27, 6, 30, 15, 123, TimeSpan.Zero);

    static MongoMappingTests() => PaymentDocumentMapping.EnsureRegistered();

    private static Payment Sample()
    {
        var attempt = new PaymentAttempt("261127_SHP7K3F9Q2M_1ABCDEFGH", CreatedAt, AttemptState.Creating, CreatedAt.AddSeconds(20));
        var payment = Payment.Open(OrderId, "SHP-7K3F-9Q2M", CustomerId, 129_000m, "Shop - payment for order SHP-7K3F-9Q2M", attempt, CreatedAt);
        payment.UpdateAttempt(attempt with { State = AttemptState.Open, LeaseUntil = null, OrderUrl = "https://pay/x", ExpiresAt = CreatedAt.AddMinutes(15) }, CreatedAt.AddSeconds(1));
        payment.MoveTo(PaymentStatus.Cancelled, "Customer changed their mind", CreatedAt.AddSeconds(2));
        payment.ReceiveMoney("261127000000389", CreatedAt.AddSeconds(3), () => "261127_2553_REFUNDREFUND1");
        return payment;
    }

    [Fact]
    public void Document_RoundTripsThroughBson()
    {
        var payment = Sample();

        var bson = payment.ToDocument().ToBsonDocument();
        var back = BsonSerializer.Deserialize<PaymentDocument>(bson).ToPayment();

        Assert.Equal(payment.OrderId, back.OrderId);
        Assert.Equal(payment.Attempts, back.Attempts);
        Assert.Equal(payment.Refunds, back.Refunds);
        Assert.Equal(payment.History, back.History);
        Assert.Equal(payment.Status, back.Status);
        Assert.Equal(payment.Amount, back.Amount);
        Assert.Equal(payment.ZpTransId, back.ZpTransId);
        Assert.Equal(payment.PaidAt, back.PaidAt);
        Assert.Equal(payment.RefundsPending, back.RefundsPending);
        Assert.Equal(payment.Version, back.Version);
    }

    [Fact]
    public void Document_HasTheIntendedBsonShape()
    {
        var bson = Sample().ToDocument().ToBsonDocument();

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["customerId"].AsBsonBinaryData.SubType);
        Assert.Equal("RefundPending", bson["status"].AsString);
        Assert.Equal(BsonType.Decimal128, bson["amount"].BsonType);
        Assert.Equal(129_000m, bson["amount"].AsDecimal);
        Assert.Equal("261127_SHP7K3F9Q2M_1ABCDEFGH", bson["attempts"][0]["appTransId"].AsString);
        Assert.Equal("Open", bson["attempts"][0]["state"].AsString);
        Assert.False(bson["attempts"][0].AsBsonDocument.Contains("leaseUntil"));
        Assert.Equal(BsonType.DateTime, bson["attempts"][0]["expiresAt"].BsonType);
        Assert.Equal("Pending", bson["refunds"][0]["state"].AsString);
        Assert.Equal(BsonType.Decimal128, bson["refunds"][0]["amount"].BsonType);
        Assert.True(bson["refundsPending"].AsBoolean);
        Assert.False(bson["notifyPending"].AsBoolean);
        Assert.Equal(BsonNull.Value, bson["history"][0]["from"]);
        Assert.Equal(CreatedAt.UtcDateTime, bson["createdAt"].ToUniversalTime());
    }

    [Fact]
    public void ByAppTransId_RendersAnElementMatchOnTheAttempts()
    {
        var rendered = Render(MongoPaymentQueries.ByAppTransId("261127_X_1"));

        Assert.Equal(BsonDocument.Parse("{ attempts: { $elemMatch: { appTransId: '261127_X_1' } } }"), rendered);
    }

    [Fact]
    public void ByIdAndVersion_RendersTheOptimisticFilter()
    {
        var rendered = Render(MongoPaymentQueries.ByIdAndVersion(OrderId, 4));

        Assert.Equal(new BsonDocument { ["_id"] = new BsonBinaryData(OrderId, GuidRepresentation.Standard), ["version"] = 4L }, rendered);
    }

    [Fact]
    public void Page_AfterACursor_RendersTheKeysetCondition()
    {
        var rendered = Render(MongoPaymentQueries.Page(new PaymentQuery(PaymentStatus.Paid, 10, new PaymentCursor(CreatedAt, OrderId))));

        Assert.Equal("Paid", rendered["status"].AsString);
        var either = rendered["$or"].AsBsonArray;
        Assert.Equal(CreatedAt.UtcDateTime, either[0]["createdAt"]["$lt"].ToUniversalTime());
        Assert.Equal(new BsonBinaryData(OrderId, GuidRepresentation.Standard), either[1]["_id"]["$lt"]);
    }

    [Fact]
    public void Indexes_MakeAppTransIdsUniqueAndPendingWorkPartial()
    {
        var byName = MongoPaymentQueries.Indexes.ToDictionary(i => i.Options.Name);

        Assert.True(byName[MongoPaymentQueries.AppTransIdIndex].Options.Unique);
        Assert.Equal(BsonDocument.Parse("{ 'attempts.appTransId': 1 }"), RenderKeys(byName[MongoPaymentQueries.AppTransIdIndex]));
        var notify = (CreateIndexOptions<PaymentDocument>)byName["ix_notify_pending"].Options;
        Assert.Equal(BsonDocument.Parse("{ notifyPending: true }"), Render(notify.PartialFilterExpression));
    }

    private static BsonDocument Render(FilterDefinition<PaymentDocument> filter)
        => filter.Render(new RenderArgs<PaymentDocument>(BsonSerializer.SerializerRegistry.GetSerializer<PaymentDocument>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument RenderKeys(CreateIndexModel<PaymentDocument> index)
        => index.Keys.Render(new RenderArgs<PaymentDocument>(BsonSerializer.SerializerRegistry.GetSerializer<PaymentDocument>(), BsonSerializer.SerializerRegistry));
}
