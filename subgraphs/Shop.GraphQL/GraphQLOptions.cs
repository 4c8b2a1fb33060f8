using System.ComponentModel.DataAnnotations;

namespace Shop.GraphQL;

/// <summary>The <c>Shop:GraphQL</c> section: limits and transport timings of the GraphQL endpoint.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "Shop:GraphQL";

    /// <summary>Longest accepted document, in characters.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>Deepest accepted nesting of fields; the usual introspection query needs about 13.</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most fields one operation may select, counted with fragments expanded.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFieldCount { get; set; } = 1000;

    /// <summary>
    /// Highest estimated cost of one operation, by GraphQL.NET's complexity analyzer: every field
    /// costs 1, times the size of each list above it (its <c>first</c> argument, or that of the
    /// connection holding it; <see cref="AssumedListSize"/> when none is given).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxCost { get; set; } = 25_000;

    /// <summary>Size the cost estimate assumes for a list whose length the request does not state.</summary>
    [Range(1, int.MaxValue)]
    public int AssumedListSize { get; set; } = 20;

    /// <summary>
    /// Share of the estimated cost that introspection (<c>__schema</c>, <c>__type</c>) pays: its
    /// lists are as long as the schema is large, not as a client asks. The tools' introspection
    /// query costs about 318,000 at full price, so it fits once per operation, not twice.
    /// </summary>
    [Range(0.0, 1.0)]
    public double IntrospectionCostFactor { get; set; } = 0.05;

    /// <summary>Most aliased fields one operation may hold, counted with fragments expanded.</summary>
    [Range(0, int.MaxValue)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most root fields one mutation may run: each is a separate write, possibly a slow one.</summary>
    [Range(1, int.MaxValue)]
    public int MaxMutationRootFields { get; set; } = 5;

    /// <summary>Largest accepted request body, in bytes.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How many parsed and validated documents are kept.</summary>
    [Range(0, int.MaxValue)]
    public int DocumentCacheSize { get; set; } = 500;

    /// <summary>Comment sent on an idle SSE stream so proxies keep it open.</summary>
    public TimeSpan SseHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Time a WebSocket client has to send connection_init.</summary>
    public TimeSpan WebSocketInitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent operations one WebSocket may run.</summary>
    [Range(1, int.MaxValue)]
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>Concurrent subscriptions one WebSocket may hold.</summary>
    [Range(0, int.MaxValue)]
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Concurrent subscriptions one signed-in user may hold, over every WebSocket and SSE stream.</summary>
    [Range(0, int.MaxValue)]
    public int MaxSubscriptionsPerUser { get; set; } = 50;

    /// <summary>Events a subscriber may fall behind by before its stream is ended.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPendingEvents { get; set; } = 1000;
}
