using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Products.Grpc;
using Shop.Users.Grpc;

namespace Shop.Security.Tests;

/// <summary>One harmless call of each RPC under test, by name, on a channel to its service.</summary>
public static class Rpcs
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(10);

    private static readonly Dictionary<string, Func<GrpcChannel, Task>> Calls = new()
    {
        ["users.GetUsers"] = async c => await new UsersService.UsersServiceClient(c).GetUsersAsync(new GetUsersRequest(), deadline: Deadline),
        ["products.GetProducts"] = async c => await new ProductsService.ProductsServiceClient(c).GetProductsAsync(new GetProductsRequest(), deadline: Deadline),
        ["products.Release"] = async c => await new InventoryService.InventoryServiceClient(c)
            .ReleaseAsync(new ReleaseRequest { OrderId = Guid.NewGuid().ToString() }, deadline: Deadline),
        ["orders.GetOrder"] = async c => await new OrdersService.OrdersServiceClient(c)
            .GetOrderAsync(new GetOrderRequest { OrderId = Guid.NewGuid().ToString() }, deadline: Deadline),
        ["orders.Transition"] = async c => await new OrdersService.OrdersServiceClient(c)
            .TransitionAsync(new TransitionRequest { OrderId = Guid.NewGuid().ToString(), To = Shop.Orders.Grpc.OrderStatus.Paid, Reason = "test" }, deadline: Deadline),
        ["payments.QueryPayment"] = async c => await new PaymentsService.PaymentsServiceClient(c)
            .QueryPaymentAsync(new QueryPaymentRequest { OrderId = Guid.NewGuid().ToString() }, deadline: Deadline),
        ["health.Check"] = async c => await new Health.HealthClient(c).CheckAsync(new HealthCheckRequest(), deadline: Deadline),
    };

    /// <summary>The status the call ended with (OK when it returned).</summary>
    public static async Task<(StatusCode Code, string? Reason)> CallAsync(string rpc, GrpcChannel channel)
    {
        try
        {
            await Calls[rpc](channel);
            return (StatusCode.OK, null);
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.Trailers.GetValue("reason"));
        }
    }
}
