using Microsoft.EntityFrameworkCore;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Orders.Data.Mongo;
using Shop.Orders.Data.Postgres;
using Shop.ServiceDefaults.Mongo;
using Shop.ServiceDefaults.Postgres;
using StackExchange.Redis;

namespace Shop.Orders.Data;

public static class OrdersDataExtensions
{
    /// <summary>
    /// Storage and backplane by configuration: MongoDB when <c>ConnectionStrings:ordersMongo</c> is
    /// set, else PostgreSQL (<c>ConnectionStrings:orders</c>). Events travel over Redis when
    /// <c>ConnectionStrings:redis</c> is set, else over PostgreSQL LISTEN/NOTIFY, else (MongoDB without
    /// Redis, a single instance) in process. The repositories only store; <see cref="OrderEventPublishing"/>
    /// publishes through whichever backplane this is.
    /// </summary>
    public static IServiceCollection AddOrdersData(this IServiceCollection services, IConfiguration configuration)
    {
        var mongo = configuration.GetConnectionString("ordersMongo");
        var redis = configuration.GetConnectionString("redis");
        services.AddSingleton<OrderEventHub>();
        services.AddSingleton<OrderEventPublishing>();

        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<RedisOrderEvents>();
            services.AddSingleton<IOrderEventPublisher>(provider => provider.GetRequiredService<RedisOrderEvents>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisOrderEvents>());
        }
        else if (!string.IsNullOrWhiteSpace(mongo))
        {
            services.AddSingleton<IOrderEventPublisher, InProcessOrderEvents>();
        }

        if (!string.IsNullOrWhiteSpace(mongo))
        {
            var database = services.AddShopMongo(mongo, "shop_orders");
            services.AddSingleton(database.GetCollection<OrderDocument>(MongoOrderRepository.CollectionName));
            services.AddScoped<IOrderRepository, MongoOrderRepository>();
            services.AddHostedService<MongoOrderIndexes>();
            return services;
        }

        services.AddShopDbContext<OrdersDbContext>(configuration, "orders");
        services.AddScoped<IOrderRepository, PostgresOrderRepository>();
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<PostgresOrderEvents>();
            services.AddSingleton<IOrderEventPublisher>(provider => provider.GetRequiredService<PostgresOrderEvents>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresOrderEvents>());
        }

        return services;
    }
}
