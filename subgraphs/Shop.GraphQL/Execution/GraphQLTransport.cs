namespace Shop.GraphQL.Execution;

/// <summary>How a request arrived; decides which operation types it may carry.</summary>
public enum GraphQLTransport
{
    /// <summary>Plain GET: queries only, since GET must stay safe and cacheable.</summary>
    HttpGet,

    /// <summary>Plain POST: queries and mutations; one response, so no subscriptions.</summary>
    HttpPost,

    /// <summary>SSE over GET: queries and subscriptions.</summary>
    StreamGet,

    /// <summary>SSE over POST, or WebSocket: every operation type.</summary>
    Stream,
}
