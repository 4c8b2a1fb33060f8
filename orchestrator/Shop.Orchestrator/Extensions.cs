using Shop.Orchestrator.Activities;
using Shop.Orchestrator.Temporal;
using Shop.Orchestrator.Workflows;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Products.Grpc;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Extensions.Hosting;

namespace Shop.Orchestrator;

public static class Extensions
{
    /// <summary>Port variable of the orchestrator's health endpoints, as <c>./shop</c> names ports.</summary>
    public const string HttpPortVariable = "ORCHESTRATOR_HTTP_PORT";

    /// <summary>Logs, telemetry and health like the services, the gRPC clients, and the Temporal worker.</summary>
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[HttpPortVariable] is { Length: > 0 } port)
        {
            builder.Configuration["Shop:HttpPort"] = port;
        }

        builder.AddHostDefaults();
        builder.AddShopPorts();
        builder.Services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.SectionName)
            .Validate(o => o.PaymentDeadline > TimeSpan.Zero && o.ReconcileInterval > TimeSpan.Zero && o.CallDeadline > TimeSpan.Zero, "Orchestrator:PaymentDeadline, ReconcileInterval and CallDeadline must be positive.")
            .ValidateOnStart();
        builder.Services.AddOrchestratorGrpcClients(builder.Configuration);
        builder.Services.AddOrderWorker(builder.Configuration);
        return builder;
    }

    /// <summary>The health endpoints: ready once the worker polls Temporal.</summary>
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        app.MapHttpHealth();
        return app;
    }

    /// <summary>Clients of products (inventory), orders and payments, at <c>Shop:Services:{name}:Grpc</c>.</summary>
    public static IServiceCollection AddOrchestratorGrpcClients(this IServiceCollection services, IConfiguration configuration)
    {
        var deadline = configuration.GetSection(OrchestratorOptions.SectionName).Get<OrchestratorOptions>()?.CallDeadline
            ?? new OrchestratorOptions().CallDeadline;
        services.AddShopGrpcClient<InventoryService.InventoryServiceClient>(configuration, "products", deadline);
        services.AddShopGrpcClient<OrdersService.OrdersServiceClient>(configuration, "orders", deadline);
        services.AddShopGrpcClient<PaymentsService.PaymentsServiceClient>(configuration, "payments", deadline);
        return services;
    }

    /// <summary>
    /// The shared Temporal client (<c>Temporal:Address</c>, <c>Namespace</c>, <c>ApiKey</c>, <c>Tls:*</c>) and a worker on <c>Temporal:TaskQueue</c> running
    /// <see cref="OrderWorkflow"/> with scoped activities; it keeps retrying while Temporal is down.
    /// Activities continue the trace of the workflow's starter (<see cref="TracingWorkerInterceptor"/>).
    /// </summary>
    public static IServiceCollection AddOrderWorker(this IServiceCollection services, IConfiguration configuration)
    {
        var temporal = configuration.GetSection(TemporalOptions.SectionName).Get<TemporalOptions>() ?? new TemporalOptions();
        services.AddOptions<TemporalOptions>().BindConfiguration(TemporalOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.TaskQueue), "Temporal:TaskQueue is required.")
            .Validate(o => o.ReconnectDelay > TimeSpan.Zero, "Temporal:ReconnectDelay must be positive.")
            .ValidateOnStart();
        services.AddSingleton<WorkerReadiness>();
        services.AddShopTemporalClient(configuration);

        var before = services.Count;
        services.AddHostedTemporalWorker(temporal.TaskQueue)
            .AddWorkflow<OrderWorkflow>()
            .AddScopedActivities<OrderActivities>()
            .AddScopedActivities<InventoryActivities>()
            .AddScopedActivities<PaymentActivities>()
            .ConfigureOptions(options => options.Interceptors = [new TracingWorkerInterceptor()]);

        // The SDK's hosted worker stops the process when the server is down; ours waits it out.
        var hosted = services.Skip(before).First(d => d.ServiceType == typeof(IHostedService));
        services.Remove(hosted);
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<RetryingWorkerService>(
            provider, new TemporalWorkerServiceIdentifier(temporal.TaskQueue, null, false)));

        services.AddHealthChecks().AddCheck<TemporalHealthCheck>("temporal", tags: [HealthEndpoints.Ready]);
        return services;
    }
}
