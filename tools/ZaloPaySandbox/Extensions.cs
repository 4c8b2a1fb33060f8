using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Callbacks;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Orders;
using Shop.ZaloPaySandbox.Pages;

namespace Shop.ZaloPaySandbox;

public static class Extensions
{
    /// <summary>
    /// The sandbox's state and services: orders, refunds, callbacks, faults and counters, all in memory.
    /// Bound from the <c>Sandbox</c> section; a <see cref="TimeProvider"/> registered first is kept (tests fake time).
    /// </summary>
    public static IServiceCollection AddZaloPaySandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName))
            .Validate(o => o.AppId > 0 && o.Key1.Length > 0 && o.Key2.Length > 0, "Sandbox:AppId, Key1 and Key2 are required.")
            .Validate(o => o.CallbackTimeout > TimeSpan.Zero && o.CallbackRetryDelay >= TimeSpan.Zero, "Sandbox callback timings must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrderBook>();
        services.AddSingleton<RefundDesk>();
        services.AddSingleton<RequestCounters>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<CallbackSender>();
        services.AddSingleton<CallbackDispatcher>();
        services.AddSingleton<Checkout>();
        // CallbackSender applies its own per-attempt timeout; ZaloPay does not follow a merchant's redirects.
        services.AddHttpClient(CallbackSender.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary>ZaloPay's four API v2 endpoints, the pay page, and (unless disabled) the <c>/control</c> API.</summary>
    public static IEndpointRouteBuilder MapZaloPaySandbox(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/v2").DisableAntiforgery();
        api.MapPost("/create", CreateEndpoint.HandleAsync).AddEndpointFilter(new FaultFilter(ApiEndpoint.Create));
        api.MapPost("/query", QueryEndpoint.HandleAsync).AddEndpointFilter(new FaultFilter(ApiEndpoint.Query));
        api.MapPost("/refund", RefundEndpoints.RefundAsync).AddEndpointFilter(new FaultFilter(ApiEndpoint.Refund));
        api.MapPost("/query_refund", RefundEndpoints.QueryRefundAsync).AddEndpointFilter(new FaultFilter(ApiEndpoint.QueryRefund));

        endpoints.MapGet(PayPagePaths.Page, PayPage.Show);
        endpoints.MapPost(PayPagePaths.Pay, PayPage.PayAsync).DisableAntiforgery();
        endpoints.MapPost(PayPagePaths.Fail, PayPage.Fail).DisableAntiforgery();
        endpoints.MapGet("/", () => Results.Text("ZaloPay API v2 sandbox: POST /v2/create, /v2/query, /v2/refund, /v2/query_refund."));

        if (endpoints.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value.EnableControl)
        {
            ControlEndpoints.Map(endpoints);
        }

        return endpoints;
    }

    /// <summary>Listens on <c>Sandbox:BindAddress</c>:<c>Sandbox:Port</c> (127.0.0.1:5080) unless ASPNETCORE_URLS or --urls says otherwise.</summary>
    public static WebApplicationBuilder UseZaloPaySandboxUrls(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var options = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();
            builder.WebHost.UseUrls($"http://{options.BindAddress}:{options.Port}");
        }

        return builder;
    }
}
