using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Shop.Orders.Ordering;
using Shop.Orders.Data.Mongo;

namespace Shop.Orders.Tests.Storage;

/// <summary>The MongoDB adapter checked without a server: documents through the BSON serializer, queries rendered.</summary>
public sealed class MongoMappingTests
{
    private static readonly Guid OrderId = Guid.Parse("0193c5d2-7a10-7c3e-8a55-2f0e9b1d4c01");
    private static readonly Guid CustomerId = Guid.Parse("0193c5d2-7a10-7c3e-8a55-2f0e9b1d4c02");
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 27, 6, 30, 15, 123, TimeSpan.Zero);

    static MongoMappingTests() => OrderDocumentMapping.EnsureRegistered();

    private static Order Sample()
    {
        var order = new Order(OrderId, "SHP-7K3F-9Q2M", CustomerId, "key-1",
            [new OrderLine(Guid.Parse("0193c5d2-7a10-7c3e-8a55-2f0e9b1d4c03"), "Cà phê sữa", 29_000m, 2)],
            OrderStatus.Pending, [new OrderStatusChange(1, null, OrderStatus.Pending, "Order placed", PlacedAt)], null, false, PlacedAt, PlacedAt, 1);
        order.MoveTo(OrderStatus.Reserved, "Stock held", PlacedAt.AddSeconds(2));
        order.RequestCancellation("Too slow", PlacedAt.AddSeconds(3));
        return order;
    }

    [Fact]
    public void Document_RoundTripsThroughBson()
    {
        var order = Sample();

        var bson = order.ToDocument().ToBsonDocument();
        var back = BsonSerializer.Deserialize<OrderDocument>(bson).ToOrder();

        Assert.Equal(order.Id, back.Id);
        Assert.Equal(order.Lines, back.Lines);
        Assert.Equal(order.History, back.History);
        Assert.Equal(order.Cancellation, back.Cancellation);
        Assert.Equal(order.Status, back.Status);
        Assert.Equal(order.Total, back.Total);
        Assert.Equal(order.CreatedAt, back.CreatedAt);
        Assert.Equal(order.UpdatedAt, back.UpdatedAt);
        Assert.Equal(order.Version, back.Version);
    }

    [Fact]
    public void Document_HasTheIntendedBsonShape()
    {
        var bson = Sample().ToDocument().ToBsonDocument();

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["customerId"].AsBsonBinaryData.SubType);
        Assert.Equal("SHP-7K3F-9Q2M", bson["code"].AsString);
        Assert.Equal("Reserved", bson["status"].AsString);
        Assert.Equal(BsonType.Decimal128, bson["total"].BsonType);
        Assert.Equal(58_000m, bson["total"].AsDecimal);
        Assert.Equal(BsonType.DateTime, bson["createdAt"].BsonType);
        Assert.Equal(PlacedAt.UtcDateTime, bson["createdAt"].ToUniversalTime());
        Assert.Equal(3L, bson["version"].AsInt64);
        Assert.Equal(BsonNull.Value, bson["history"][0]["from"]);
        Assert.Equal("Pending", bson["history"][1]["from"].AsString);
        Assert.Equal(BsonType.Decimal128, bson["lines"][0]["unitPrice"].BsonType);
        Assert.Equal("Too slow", bson["cancellation"]["reason"].AsString);
    }

    [Fact]
    public void Document_WithoutCancellation_OmitsTheField()
    {
        var order = OrderFactory.New();

        Assert.False(order.ToDocument().ToBsonDocument().Contains("cancellation"));
    }

    [Fact]
    public void ByIdAndVersion_RendersTheOptimisticFilter()
    {
        var rendered = Render(MongoOrderQueries.ByIdAndVersion(OrderId, 4));

        Assert.Equal(new BsonDocument { ["_id"] = new BsonBinaryData(OrderId, GuidRepresentation.Standard), ["version"] = 4L }, rendered);
    }

    [Fact]
    public void Page_WithCustomerStatusAndCursor_RendersTheKeysetFilter()
    {
        var after = new OrderCursor(PlacedAt, OrderId);

        var rendered = Render(MongoOrderQueries.Page(new OrderQuery(CustomerId, OrderStatus.Paid, 10, after)));

        var customer = new BsonBinaryData(CustomerId, GuidRepresentation.Standard);
        var id = new BsonBinaryData(OrderId, GuidRepresentation.Standard);
        var at = new BsonDateTime(PlacedAt.UtcDateTime);
        var expected = BsonDocument.Parse("{}");
        expected["customerId"] = customer;
        expected["status"] = "Paid";
        expected["$or"] = new BsonArray
        {
            new BsonDocument("createdAt", new BsonDocument("$lt", at)),
            new BsonDocument { ["createdAt"] = at, ["_id"] = new BsonDocument("$lt", id) },
        };
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void StatusChangesAfter_ProjectsTheIdAndTheHistoryTail()
    {
        // Rendered as Find renders it (the aggregation form would be a different projection).
        var rendered = MongoOrderQueries.StatusChangesAfter(2).Render(Args() with { RenderForFind = true });

        Assert.Equal(new BsonDocument { ["_id"] = 1, ["history"] = new BsonDocument("$slice", new BsonArray { 2, 64 }) }, rendered);
    }

    [Fact]
    public void StatusChangesAfter_ServerAnswer_NumbersTheChangesFromWhereTheSliceStarts()
    {
        var order = Sample();
        order.MoveTo(OrderStatus.AwaitingPayment, "Payment created", PlacedAt.AddSeconds(4));
        var stored = order.ToDocument().ToBsonDocument();
        // What the server sends for a slice after change 1: the id and history entries 2 and 3.
        var answer = new BsonDocument { ["_id"] = stored["_id"], ["history"] = new BsonArray(stored["history"].AsBsonArray.Skip(1)) };

        var changes = BsonSerializer.Deserialize<StatusHistoryDocument>(answer).ToStatusChanges(afterSequence: 1);

        Assert.Equal(order.History.Skip(1), changes);
        Assert.Equal([2, 3], changes.Select(c => c.Sequence));
    }

    [Fact]
    public void Matching_WithoutFilters_IsEmpty() => Assert.Equal(new BsonDocument(), Render(MongoOrderQueries.Matching(new OrderQuery(null, null, 5, null))));

    [Fact]
    public void NewestFirst_SortsByCreationThenId()
    {
        var rendered = MongoOrderQueries.NewestFirst.Render(Args());

        Assert.Equal(new BsonDocument { ["createdAt"] = -1, ["_id"] = -1 }, rendered);
    }

    [Fact]
    public void FirstPages_GroupsTheTopOrdersPerCustomer()
    {
        var stages = MongoOrderQueries.FirstPages([CustomerId], 3).Render(new RenderArgs<OrderDocument>(Serializer, BsonSerializer.SerializerRegistry)).Documents;

        Assert.Equal(2, stages.Count);
        Assert.Equal(new BsonBinaryData(CustomerId, GuidRepresentation.Standard), stages[0]["$match"]["customerId"]["$in"][0]);
        Assert.Equal(4, stages[1]["$group"]["orders"]["$topN"]["n"].AsInt32);
        Assert.Equal(new BsonDocument { ["createdAt"] = -1, ["_id"] = -1 }, stages[1]["$group"]["orders"]["$topN"]["sortBy"]);
    }

    [Fact]
    public void Indexes_AreUniqueWhereTheContractNeedsThem()
    {
        var byName = MongoOrderQueries.Indexes.ToDictionary(i => i.Options.Name);

        Assert.True(byName[MongoOrderQueries.CodeIndex].Options.Unique);
        Assert.True(byName[MongoOrderQueries.IdempotencyIndex].Options.Unique);
        Assert.Equal(new BsonDocument { ["customerId"] = 1, ["idempotencyKey"] = 1 }, byName[MongoOrderQueries.IdempotencyIndex].Keys.Render(Args()));
        Assert.Equal(new BsonDocument { ["customerId"] = 1, ["createdAt"] = -1, ["_id"] = -1 }, byName["ix_customer_created"].Keys.Render(Args()));
    }

    private static IBsonSerializer<OrderDocument> Serializer => BsonSerializer.LookupSerializer<OrderDocument>();

    private static RenderArgs<OrderDocument> Args() => new(Serializer, BsonSerializer.SerializerRegistry);

    private static BsonDocument Render(FilterDefinition<OrderDocument> filter) => filter.Render(Args());
}
