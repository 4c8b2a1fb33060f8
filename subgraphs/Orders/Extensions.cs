using Shop.GraphQL;
using Shop.Orders.Products;
using Shop.Orders.GraphQL;
using Shop.Orders.Grpc;
using Shop.Orders.Ordering;
using Shop.Orders.Processing;
using Shop.Orders.Data;
using Shop.Orders.Sessions;
using Shop.Products.Grpc;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Hosting;
using Shop.ServiceDefaults.Temporal;
using Shop.Users.Grpc;

namespace Shop.Orders;

public static class Extensions
{
    /// <summary>The orders service: storage and backplane, the catalog client, the domain, processing, GraphQL.</summary>
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOrdersData(builder.Configuration);
        services.AddShopGrpcClient<ProductsService.ProductsServiceClient>(builder.Configuration, "products");
        services.AddScoped<IProductCatalog, GrpcProductCatalog>();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderTransitions>();
        services.AddScoped<OrderCancellation>();
        if (builder.Configuration.HasTemporal())
        {
            // Without Temporal (tests of this service alone) placed orders wait, PENDING, for processing.
            services.AddShopTemporalClient(builder.Configuration);
            services.AddOrderProcessing<TemporalOrderProcessing>();
        }

        services.AddShopGraphQL<OrdersSchema>();
        if (builder.Configuration[$"Shop:Services:{ShopServices.Users}:Grpc"] is not null)
        {
            // Without it (tests of this service alone) subscriptions end only when their tokens expire.
            services.AddShopGrpcClient<SessionRevocationsService.SessionRevocationsServiceClient>(builder.Configuration, ShopServices.Users);
            services.AddOptions<SessionRevocationOptions>().BindConfiguration(SessionRevocationOptions.SectionName);
            services.AddSingleton<SessionRevocationWatcher>();
            services.AddHostedService(provider => provider.GetRequiredService<SessionRevocationWatcher>());
        }

        services.AddScoped<OrderByIdDataLoader>();
        services.AddScoped<CustomerOrdersDataLoader>();
        return builder;
    }

    public static WebApplication MapOrders(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapShopGraphQL();
        app.MapInternalGrpcService<OrdersGrpcService>();
        return app;
    }
}
