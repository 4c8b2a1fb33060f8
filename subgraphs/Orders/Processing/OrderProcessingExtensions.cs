namespace Shop.Orders.Processing;

public static class OrderProcessingExtensions
{
    /// <summary>
    /// Registers the order processing that placed orders are handed to, with the sweeper that
    /// retries hand-offs that failed. Without it, orders stay PENDING.
    /// </summary>
    public static IServiceCollection AddOrderProcessing<TProcessing>(this IServiceCollection services)
        where TProcessing : class, IOrderProcessing
    {
        services.AddSingleton<IOrderProcessing, TProcessing>();
        services.AddScoped<HandOff>();
        services.AddSingleton<HandOffSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<HandOffSweeper>());
        return services;
    }
}
