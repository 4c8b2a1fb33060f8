namespace Shop.GraphQL;

/// <summary>The <c>Shop:GraphQL</c> section: limits and transport timings of the GraphQL endpoint.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "Shop:GraphQL";

    /// <summary>Longest accepted document, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>Deepest accepted nesting of fields; the usual introspection query needs about 13.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most fields one operation may select, counted with fragments expanded.</summary>
    public int MaxFieldCount { get; set; } = 1000;

    /// <summary>Largest accepted request body, in bytes.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How many parsed and validated documents are kept.</summary>
    public int DocumentCacheSize { get; set; } = 500;

    /// <summary>Comment sent on an idle SSE stream so proxies keep it open.</summary>
    public TimeSpan SseHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Time a WebSocket client has to send connection_init.</summary>
    public TimeSpan WebSocketInitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent operations one WebSocket may run.</summary>
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>Events a subscriber may fall behind by before its stream is ended.</summary>
    public int MaxPendingEvents { get; set; } = 1000;
}
