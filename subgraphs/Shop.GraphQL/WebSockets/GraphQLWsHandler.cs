using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.GraphQL.Execution;
using Shop.GraphQL.Http;
using Shop.GraphQL.Sessions;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.WebSockets;

/// <summary>Accepts WebSocket upgrades that speak graphql-transport-ws and runs one connection each.</summary>
internal sealed class GraphQLWsHandler(
    GraphQLExecutor executor,
    GraphQLRequestParser parser,
    IGraphQLTextSerializer serializer,
    AccessTokenValidator tokens,
    SubscriptionSlots slots,
    ISessionRevocations revocations,
    IServiceScopeFactory scopes,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLWsHandler> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseOutputAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        var connection = new GraphQLWsConnection(socket, context.User, this, context.RequestAborted);
        await connection.RunAsync();
    }

    internal GraphQLExecutor Executor => executor;

    internal GraphQLRequestParser Parser => parser;

    internal IGraphQLTextSerializer Serializer => serializer;

    internal AccessTokenValidator Tokens => tokens;

    internal SubscriptionSlots Slots => slots;

    internal ISessionRevocations Revocations => revocations;

    internal IServiceScopeFactory Scopes => scopes;

    internal GraphQLOptions Options => options.Value;

    internal ILogger Logger => logger;
}
