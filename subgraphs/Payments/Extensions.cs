using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Shop.GraphQL;
using Shop.Payments.Callbacks;
using Shop.Payments.Events;
using Shop.Payments.GraphQL;
using Shop.Payments.Grpc;
using Shop.Payments.Paying;
using Shop.Payments.Data;
using Shop.Payments.ZaloPay;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Hosting;
using Shop.ServiceDefaults.Temporal;

namespace Shop.Payments;

public static class Extensions
{
    /// <summary>The payments service: storage, the ZaloPay client, the domain, the janitor, GraphQL.</summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddPaymentsData(builder.Configuration);
        services.AddZaloPay();
        services.AddScoped<PaymentCreation>();
        services.AddScoped<PaymentReconciliation>();
        services.AddScoped<PaymentCancellation>();
        services.AddScoped<PaymentRefunding>();
        services.AddScoped<PaymentSettlement>();
        services.AddScoped<PaymentNotifier>();
        if (builder.Configuration.HasTemporal())
        {
            // Without Temporal, settled payments stay marked "to notify" until it is configured.
            services.AddShopTemporalClient(builder.Configuration);
            services.AddSingleton<IPaymentEvents, TemporalPaymentEvents>();
        }

        services.AddSingleton<PaymentJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentJanitor>());
        services.AddScoped<PaymentByOrderIdDataLoader>();
        services.AddShopGraphQL<PaymentsSchema>();
        return builder;
    }

    /// <summary>
    /// The ZaloPay client: options validated at start-up, and a resilience pipeline (total timeout,
    /// jittered retries, circuit breaker, per-attempt timeout) around every call.
    /// </summary>
    private static void AddZaloPay(this IServiceCollection services)
    {
        services.AddOptions<ZaloPayOptions>().BindConfiguration(ZaloPayOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Timeout > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero, "ZaloPay:Timeout and ZaloPay:AttemptTimeout must be positive.")
            .Validate(o => o.DeadlineMargin >= TimeSpan.Zero, "ZaloPay:DeadlineMargin must not be negative.")
            .ValidateOnStart();
        services.AddHttpClient<ZaloPayClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<ZaloPayOptions>>().Value;
                http.BaseAddress = new Uri(options.BaseUrl!.ToString().TrimEnd('/') + "/");
                // The pipeline below owns every timeout.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("zalopay", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ZaloPayOptions>>().Value;
                pipeline
                    .AddTimeout(options.Timeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        MinimumThroughput = 20,
                        FailureRatio = 0.8,
                        BreakDuration = TimeSpan.FromSeconds(10),
                    })
                    .AddTimeout(options.AttemptTimeout);
            });
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapShopGraphQL();
        app.MapPost(ZaloPayCallbackEndpoint.Path, ZaloPayCallbackEndpoint.HandleAsync).OnHttpPort(app);
        app.MapInternalGrpcService<PaymentsGrpcService>();
        return app;
    }
}
