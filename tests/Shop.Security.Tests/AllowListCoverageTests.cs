using System.Reflection;
using Grpc.Core;
using Google.Protobuf.Reflection;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Security.Tests;

/// <summary>
/// Every RPC every service implements has a decided allow-list: a new RPC (or a changed list) fails
/// here until <see cref="Decided"/> says who may call it.
/// </summary>
public sealed class AllowListCoverageTests
{
    private const string Nobody = "(nobody)";

    /// <summary>Each RPC, by its full gRPC name, and the services allowed to call it.</summary>
    private static readonly Dictionary<string, string[]> Decided = new()
    {
        ["shop.users.v1.UsersService/GetUsers"] = [ShopServices.Orchestrator],
        ["shop.users.v1.SessionRevocationsService/WatchSessionRevocations"] = [ShopServices.Orders],
        ["shop.products.v1.ProductsService/GetProducts"] = [ShopServices.Orders],
        ["shop.products.v1.InventoryService/Reserve"] = [ShopServices.Orchestrator],
        ["shop.products.v1.InventoryService/Commit"] = [ShopServices.Orchestrator],
        ["shop.products.v1.InventoryService/Release"] = [ShopServices.Orchestrator],
        ["shop.orders.v1.OrdersService/GetOrder"] = [ShopServices.Orchestrator],
        ["shop.orders.v1.OrdersService/Transition"] = [ShopServices.Orchestrator],
        ["shop.payments.v1.PaymentsService/CreatePayment"] = [ShopServices.Orchestrator],
        ["shop.payments.v1.PaymentsService/CancelPayment"] = [ShopServices.Orchestrator],
        ["shop.payments.v1.PaymentsService/QueryPayment"] = [ShopServices.Orchestrator],
        ["shop.payments.v1.PaymentsService/RefundPayment"] = [ShopServices.Orchestrator],
    };

    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Users.Grpc.UsersGrpcService).Assembly,
        typeof(Products.Grpc.ProductsGrpcService).Assembly,
        typeof(Orders.Grpc.OrdersGrpcService).Assembly,
        typeof(Payments.Grpc.PaymentsGrpcService).Assembly,
    ];

    [Fact]
    public void EveryRpc_HasTheDecidedAllowList()
    {
        var found = Implemented().ToDictionary(rpc => rpc.Name, rpc => rpc.Callers);

        Assert.All(found, rpc => Assert.True(
            Decided.TryGetValue(rpc.Key, out var decided) && decided.Order().SequenceEqual(rpc.Value.Order()),
            $"{rpc.Key} allows [{string.Join(", ", rpc.Value)}]; decide who may call it in {nameof(Decided)}."));
        Assert.Empty(Decided.Keys.Except(found.Keys));
    }

    [Fact]
    public void Implementations_AreFoundInEveryServiceAssembly()
    {
        var services = Implemented().Select(rpc => rpc.Name.Split('/')[0]).Distinct().Order();

        Assert.Equal(
            ["shop.orders.v1.OrdersService", "shop.payments.v1.PaymentsService", "shop.products.v1.InventoryService", "shop.products.v1.ProductsService", "shop.users.v1.SessionRevocationsService", "shop.users.v1.UsersService"],
            services);
    }

    /// <summary>Each RPC of each gRPC service implementation with the callers its attributes allow.</summary>
    private static IEnumerable<(string Name, string[] Callers)> Implemented()
    {
        foreach (var type in ServiceAssemblies.SelectMany(assembly => assembly.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var generatedBase = GeneratedBase(type);
            if (generatedBase is null)
            {
                continue;
            }

            // The generated base is nested in the class that carries the service's descriptor.
            var descriptor = (ServiceDescriptor)generatedBase.DeclaringType!.GetProperty("Descriptor")!.GetValue(null)!;
            var classList = type.GetCustomAttribute<AllowedCallersAttribute>(inherit: true);
            foreach (var method in descriptor.Methods)
            {
                var implementation = type.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)!;
                var list = implementation.GetCustomAttribute<AllowedCallersAttribute>(inherit: true) ?? classList;
                string[] callers = list is null ? [Nobody] : list.AnyService ? ["(any service)"] : [.. list.Services];
                yield return ($"{descriptor.FullName}/{method.Name}", callers);
            }
        }
    }

    private static Type? GeneratedBase(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            {
                return current;
            }
        }

        return null;
    }
}
