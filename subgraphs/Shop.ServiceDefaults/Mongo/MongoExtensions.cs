using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using Shop.ServiceDefaults.Health;

namespace Shop.ServiceDefaults.Mongo;

public static class MongoExtensions
{
    /// <summary>
    /// Registers the service's MongoDB database from <paramref name="connectionString"/> (its database
    /// name, else <paramref name="defaultDatabase"/>): one client, the database, and a readiness check.
    /// </summary>
    public static IMongoDatabase AddShopMongo(this IServiceCollection services, string connectionString, string defaultDatabase)
    {
        var url = MongoUrl.Create(connectionString);
        var client = new MongoClient(url);
        var database = client.GetDatabase(url.DatabaseName ?? defaultDatabase);
        services.AddSingleton<IMongoClient>(client);
        services.AddSingleton(database);
        services.AddHealthChecks().AddCheck<MongoHealthCheck>($"mongodb-{database.DatabaseNamespace.DatabaseName}", tags: [HealthEndpoints.Ready]);
        return database;
    }
}
