using Microsoft.EntityFrameworkCore;
using Shop.Payments.Paying;
using Shop.Payments.Data.Mongo;
using Shop.Payments.Data.Postgres;
using Shop.ServiceDefaults.Mongo;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Payments.Data;

public static class PaymentsDataExtensions
{
    /// <summary>
    /// Storage by configuration: MongoDB when <c>ConnectionStrings:paymentsMongo</c> is set, else
    /// PostgreSQL (<c>ConnectionStrings:payments</c>, the single-machine default).
    /// </summary>
    public static IServiceCollection AddPaymentsData(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("paymentsMongo") is { Length: > 0 } mongo)
        {
            var database = services.AddShopMongo(mongo, "shop_payments");
            services.AddSingleton(database.GetCollection<PaymentDocument>(MongoPaymentRepository.CollectionName));
            services.AddScoped<IPaymentRepository, MongoPaymentRepository>();
            services.AddHostedService<MongoPaymentIndexes>();
            return services;
        }

        services.AddShopDbContext<PaymentsDbContext>(configuration, "payments");
        services.AddScoped<IPaymentRepository, PostgresPaymentRepository>();
        return services;
    }
}
