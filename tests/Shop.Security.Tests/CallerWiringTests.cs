using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orchestrator;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Products.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing.Security;

namespace Shop.Security.Tests;

/// <summary>
/// The real callers' clients, wired as in production, get through: the orchestrator's
/// (inventory, orders, payments) presenting its certificate without knowing about TLS.
/// </summary>
public sealed class CallerWiringTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    [Fact]
    public async Task OrchestratorClients_ReachInventoryOrdersAndPayments()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestCertificates.Shared.Settings(ShopServices.Orchestrator))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Services:products:Grpc"] = services.Products.GrpcAddress.ToString(),
                ["Shop:Services:orders:Grpc"] = services.Orders.GrpcAddress.ToString(),
                ["Shop:Services:payments:Grpc"] = services.Payments.GrpcAddress.ToString(),
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddOrchestratorGrpcClients(configuration);
        await using var provider = collection.BuildServiceProvider();
        var unknown = Guid.NewGuid().ToString();

        // Unknown orders: each service answers for itself, none refuses the caller.
        var inventory = await Assert.ThrowsAsync<RpcException>(() => provider.GetRequiredService<InventoryService.InventoryServiceClient>()
            .ReleaseAsync(new ReleaseRequest { OrderId = unknown }).ResponseAsync);
        var orders = await Assert.ThrowsAsync<RpcException>(() => provider.GetRequiredService<OrdersService.OrdersServiceClient>()
            .GetOrderAsync(new GetOrderRequest { OrderId = unknown }).ResponseAsync);
        var payments = await Assert.ThrowsAsync<RpcException>(() => provider.GetRequiredService<PaymentsService.PaymentsServiceClient>()
            .QueryPaymentAsync(new QueryPaymentRequest { OrderId = unknown }).ResponseAsync);

        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound], [inventory.StatusCode, orders.StatusCode, payments.StatusCode]);
    }
}
