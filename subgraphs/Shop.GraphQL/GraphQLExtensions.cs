using GraphQL.DI;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.GraphQL.Execution;
using Shop.GraphQL.Http;
using Shop.GraphQL.Relay;
using Shop.GraphQL.Sessions;
using Shop.GraphQL.Sse;
using Shop.GraphQL.WebSockets;
using Shop.ServiceDefaults.Hosting;

namespace Shop.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>Apollo Federation version the subgraphs link.</summary>
    public const string FederationVersion = "2.3";

    /// <summary>
    /// Registers <typeparamref name="TSchema"/> (built once, a singleton) with the graph types of its
    /// assembly, Federation v2, System.Text.Json, masked errors, request limits, the cost budget and the document cache.
    /// </summary>
    public static IServiceCollection AddShopGraphQL<TSchema>(this IServiceCollection services, Action<IGraphQLBuilder>? configure = null)
        where TSchema : class, ISchema
    {
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.SseHeartbeatInterval > TimeSpan.Zero, "Shop:GraphQL:SseHeartbeatInterval must be positive.")
            .Validate(o => o.WebSocketInitTimeout > TimeSpan.Zero, "Shop:GraphQL:WebSocketInitTimeout must be positive.")
            .ValidateOnStart();
        services.AddGraphQL(graphql =>
        {
            graphql
                .AddSchema<TSchema>()
                .AddGraphTypes(typeof(TSchema).Assembly)
                .AddGraphTypes(typeof(GraphQLExtensions).Assembly)
                .AddSystemTextJson()
                .AddFederation(FederationVersion)
                .AddErrorInfoProvider<ShopErrorInfoProvider>()
                .AddUnhandledExceptionHandler(UnhandledErrorMasking.Handle)
                .AddValidationRule<RequestLimitsRule>()
                .AddValidationRule<StorableTextRule>()
                .AddValidationRule<CostLimitRule>(useForCachedDocuments: true);
            configure?.Invoke(graphql);
        });

        services.TryAddTransient(typeof(EdgeGraphType<,>));
        services.AddSingleton<IConfigureExecution, DocumentCache>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<SubscriptionSlots>();
        services.TryAddSingleton(provider => new RevokedSessions(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<ISessionRevocations>(provider => provider.GetRequiredService<RevokedSessions>());
        services.AddSingleton<GraphQLRequestParser>();
        services.AddSingleton<SseResponder>();
        services.AddSingleton<GraphQLWsHandler>();
        services.AddSingleton<GraphQLEndpoint>();
        return services;
    }

    /// <summary>
    /// Serves GraphQL at <paramref name="path"/> on the public port: GET and POST per GraphQL over
    /// HTTP, SSE for <c>Accept: text/event-stream</c>, and graphql-transport-ws WebSockets.
    /// </summary>
    public static IEndpointConventionBuilder MapShopGraphQL(this WebApplication app, string path = "/graphql")
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var endpoint = app.Services.GetRequiredService<GraphQLEndpoint>();
        return app.Map(path, endpoint.HandleAsync).OnHttpPort(app);
    }
}
