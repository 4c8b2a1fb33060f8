using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Shop.Orders.Data.Mongo;

/// <summary>What <see cref="MongoOrderQueries.StatusChangesAfter"/> returns: an order's id and a slice of its history.</summary>
public sealed class StatusHistoryDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public List<StatusChangeDocument> History { get; set; } = [];
}
