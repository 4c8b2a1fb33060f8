using Grpc.Core;
using Grpc.Health.V1;
using Shop.ServiceDefaults;

namespace Shop.Security.Tests;

/// <summary>How the allow-lists combine: deny by default, a method's list replaces its class's.</summary>
public sealed class AllowedCallersTests
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(10);

    [Fact]
    public async Task Method_WithoutAnyAllowList_IsDeniedToEveryService()
    {
        await using var host = await SampleHosts.StartAsync<UndecidedHealth>();
        var client = new Health.HealthClient(host.GrpcChannel(ShopServices.Orchestrator));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest(), deadline: Deadline).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("NO_ALLOW_LIST", error.Trailers.GetValue("reason"));
    }

    [Fact]
    public async Task MethodList_ReplacesTheClassList()
    {
        await using var host = await SampleHosts.StartAsync<PartlyOpenHealth>();
        var asOrders = new Health.HealthClient(host.GrpcChannel(ShopServices.Orders));
        var asPayments = new Health.HealthClient(host.GrpcChannel(ShopServices.Payments));

        var denied = await Assert.ThrowsAsync<RpcException>(() => asOrders.CheckAsync(new HealthCheckRequest(), deadline: Deadline).ResponseAsync);
        var allowed = await asPayments.CheckAsync(new HealthCheckRequest(), deadline: Deadline);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("CALLER_NOT_ALLOWED", denied.Trailers.GetValue("reason"));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, allowed.Status);
    }

    [Fact]
    public async Task ClassList_CoversStreamingMethodsWithoutTheirOwn()
    {
        await using var host = await SampleHosts.StartAsync<PartlyOpenHealth>();
        var asOrders = new Health.HealthClient(host.GrpcChannel(ShopServices.Orders));
        var asPayments = new Health.HealthClient(host.GrpcChannel(ShopServices.Payments));

        using var allowed = asOrders.Watch(new HealthCheckRequest(), deadline: Deadline);
        Assert.True(await allowed.ResponseStream.MoveNext(CancellationToken.None));
        using var denied = asPayments.Watch(new HealthCheckRequest(), deadline: Deadline);
        var error = await Assert.ThrowsAsync<RpcException>(() => denied.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("CALLER_NOT_ALLOWED", error.Trailers.GetValue("reason"));
    }
}
