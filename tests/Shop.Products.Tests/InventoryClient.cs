using Grpc.Core;
using Shop.Products.Grpc;

namespace Shop.Products.Tests;

/// <summary>Short spellings of the inventory calls the tests make, each with a deadline.</summary>
internal static class InventoryClient
{
    public static Task<ReserveResponse> ReserveAsync(this InventoryService.InventoryServiceClient client, Guid orderId, params (Guid ProductId, int Quantity)[] lines)
        => client.ReserveAsync(orderId.ToString(), [.. lines.Select(line => (line.ProductId.ToString(), line.Quantity))]);

    public static async Task<ReserveResponse> ReserveAsync(this InventoryService.InventoryServiceClient client, string orderId, (string ProductId, int Quantity)[] lines)
    {
        var request = new ReserveRequest { OrderId = orderId };
        request.Lines.AddRange(lines.Select(line => new ReservationLine { ProductId = line.ProductId, Quantity = line.Quantity }));
        return await client.ReserveAsync(request, deadline: Deadline);
    }

    public static async Task<CommitResponse> CommitAsync(this InventoryService.InventoryServiceClient client, Guid orderId)
        => await client.CommitAsync(new CommitRequest { OrderId = orderId.ToString() }, deadline: Deadline);

    public static async Task<ReleaseResponse> ReleaseAsync(this InventoryService.InventoryServiceClient client, Guid orderId)
        => await client.ReleaseAsync(new ReleaseRequest { OrderId = orderId.ToString() }, deadline: Deadline);

    /// <summary>The call's failure, asserting it failed.</summary>
    public static async Task<RpcException> FailureAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);
}
