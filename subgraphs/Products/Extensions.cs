using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.GraphQL;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.GraphQL;
using Shop.Products.GraphQL.DataLoaders;
using Shop.Products.Grpc;
using Shop.Products.Inventory;
using Shop.Products.Seeding;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Hosting;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Products;

public static class Extensions
{
    /// <summary>The products service: catalog and inventory, over GraphQL and gRPC.</summary>
    public static WebApplicationBuilder AddProducts(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        var services = builder.Services;
        services.AddOptions<ProductsOptions>().BindConfiguration(ProductsOptions.SectionName).ValidateOnStart();
        services.AddShopDbContext<ProductsDbContext, DemoCatalogSeeder>(builder.Configuration, "products");
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<ProductCatalog>();
        services.AddScoped<CategoryCatalog>();
        services.AddScoped<ProductListing>();
        services.AddSingleton<InventoryLedger>();

        services.AddScoped<ProductByIdDataLoader>();
        services.AddScoped<ProductBySkuDataLoader>();
        services.AddScoped<CategoryByIdDataLoader>();
        services.AddScoped<CategoriesByProductIdDataLoader>();
        services.AddScoped<ImagesByProductIdDataLoader>();

        // Resolvers share the request's DbContext, which runs one command at a time.
        services.AddShopGraphQL<ProductsSchema>(graphql => graphql
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        return builder;
    }

    public static WebApplication MapProducts(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapShopGraphQL();
        app.MapInternalGrpcService<InventoryGrpcService>();
        app.MapInternalGrpcService<ProductsGrpcService>();
        return app;
    }
}
