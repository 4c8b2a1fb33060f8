using Grpc.Core;
using Shop.ServiceDefaults;

namespace Shop.Security.Tests;

/// <summary>Each service's RPCs over real mutual TLS: the listed caller gets through, another known service does not.</summary>
public sealed class AllowListTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    [Theory]
    [InlineData(ShopServices.Users, "users.GetUsers", ShopServices.Orchestrator, StatusCode.OK)]
    [InlineData(ShopServices.Products, "products.GetProducts", ShopServices.Orders, StatusCode.OK)]
    [InlineData(ShopServices.Products, "products.Release", ShopServices.Orchestrator, StatusCode.NotFound)]
    [InlineData(ShopServices.Orders, "orders.GetOrder", ShopServices.Orchestrator, StatusCode.NotFound)]
    [InlineData(ShopServices.Orders, "orders.Transition", ShopServices.Orchestrator, StatusCode.NotFound)]
    [InlineData(ShopServices.Payments, "payments.QueryPayment", ShopServices.Orchestrator, StatusCode.NotFound)]
    public async Task Rpc_AllowedCaller_ReachesTheService(string service, string rpc, string caller, StatusCode expected)
    {
        var channel = services.Host(service).GrpcChannel(caller);

        var (code, reason) = await Rpcs.CallAsync(rpc, channel);

        // The service's own answer (an unknown id is NOT_FOUND), never a refusal of the caller.
        Assert.Equal(expected, code);
        Assert.NotEqual("CALLER_NOT_ALLOWED", reason);
    }

    [Theory]
    [InlineData(ShopServices.Users, "users.GetUsers", ShopServices.Orders)]
    [InlineData(ShopServices.Users, "users.GetUsers", ShopServices.Payments)]
    [InlineData(ShopServices.Products, "products.GetProducts", ShopServices.Orchestrator)]
    [InlineData(ShopServices.Products, "products.Release", ShopServices.Orders)]
    [InlineData(ShopServices.Orders, "orders.GetOrder", ShopServices.Products)]
    [InlineData(ShopServices.Orders, "orders.Transition", ShopServices.Payments)]
    [InlineData(ShopServices.Payments, "payments.QueryPayment", ShopServices.Orders)]
    [InlineData(ShopServices.Payments, "payments.QueryPayment", ShopServices.Users)]
    public async Task Rpc_KnownServiceNotOnTheList_IsPermissionDenied(string service, string rpc, string caller)
    {
        var channel = services.Host(service).GrpcChannel(caller);

        var (code, reason) = await Rpcs.CallAsync(rpc, channel);

        Assert.Equal(StatusCode.PermissionDenied, code);
        Assert.Equal("CALLER_NOT_ALLOWED", reason);
    }

    [Theory]
    [InlineData(ShopServices.Users)]
    [InlineData(ShopServices.Products)]
    [InlineData(ShopServices.Orders)]
    [InlineData(ShopServices.Payments)]
    public async Task HealthCheck_AnyServiceOfTheDeployment_IsServed(string service)
    {
        var channel = services.Host(service).GrpcChannel(ShopServices.Users);

        var (code, _) = await Rpcs.CallAsync("health.Check", channel);

        Assert.Equal(StatusCode.OK, code);
    }
}
