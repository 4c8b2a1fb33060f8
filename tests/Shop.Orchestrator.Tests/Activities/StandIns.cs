using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Products.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;
using Shop.Testing.Security;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// Products' inventory, orders and payments as tiny gRPC servers on a real Kestrel port: they
/// answer like the real services, record each call with its deadline, and refuse or stall on demand.
/// </summary>
public sealed class StandIns : IAsyncDisposable
{
    private readonly TestServiceHost _host;

    private StandIns(TestServiceHost host) => _host = host;

    public StandInBehavior Behavior => _host.GetRequiredService<StandInBehavior>();

    public Uri GrpcAddress => _host.GrpcAddress;

    public static async Task<StandIns> StartAsync()
    {
        var host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddHostDefaults();
                builder.AddShopPorts();
                builder.Services.AddGrpc();
                builder.Services.AddSingleton<StandInBehavior>();
            },
            app =>
            {
                app.MapGrpcService<StandInInventory>();
                app.MapGrpcService<StandInOrders>();
                app.MapGrpcService<StandInPayments>();
            });
        return new StandIns(host);
    }

    /// <summary>Configuration that points the orchestrator's gRPC clients here.</summary>
    public IConfiguration Configuration(TimeSpan callDeadline) => new ConfigurationBuilder()
        .AddInMemoryCollection(TestCertificates.Shared.Settings(ShopServices.Orchestrator))
        .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Shop:Services:products:Grpc"] = GrpcAddress.ToString(),
        ["Shop:Services:orders:Grpc"] = GrpcAddress.ToString(),
        ["Shop:Services:payments:Grpc"] = GrpcAddress.ToString(),
        ["Orchestrator:CallDeadline"] = callDeadline.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Orchestrator:PaymentDeadline"] = "00:17:00",
        ["Orchestrator:ReconcileInterval"] = "00:01:00",
    }).Build();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

public sealed class StandInBehavior
{
    public ConcurrentQueue<(string Method, object Request, DateTime Deadline)> Calls { get; } = new();

    /// <summary>Thrown by every call, after <see cref="Delay"/>.</summary>
    public RpcException? Refusal { get; set; }

    public TimeSpan Delay { get; set; }

    /// <summary>What QueryPayment finds at ZaloPay.</summary>
    public PaymentStatus QueryStatus { get; set; } = PaymentStatus.Paid;

    public async Task EnterAsync(string method, object request, ServerCallContext context)
    {
        Calls.Enqueue((method, request, context.Deadline));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.CancellationToken);
        }

        if (Refusal is not null)
        {
            throw Refusal;
        }
    }
}

public sealed class StandInInventory(StandInBehavior behavior) : InventoryService.InventoryServiceBase
{
    public override async Task<ReserveResponse> Reserve(ReserveRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("Reserve", request, context);
        return new ReserveResponse { OrderId = request.OrderId, State = ReservationState.Held };
    }

    public override async Task<CommitResponse> Commit(CommitRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("Commit", request, context);
        return new CommitResponse { OrderId = request.OrderId, State = ReservationState.Committed };
    }

    public override async Task<ReleaseResponse> Release(ReleaseRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("Release", request, context);
        return new ReleaseResponse { OrderId = request.OrderId, State = ReservationState.Released };
    }
}

public sealed class StandInOrders(StandInBehavior behavior) : OrdersService.OrdersServiceBase
{
    public static readonly Guid ProductId = Guid.Parse("9c8b7a6d-5e4f-4321-8765-43210fedcba9");
    public static readonly Guid CustomerId = Guid.Parse("6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("GetOrder", request, context);
        return Order(request.OrderId, OrderStatus.Pending);
    }

    public override async Task<TransitionResponse> Transition(TransitionRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("Transition", request, context);
        return new TransitionResponse { Order = Order(request.OrderId, request.To), Changed = true };
    }

    private static Order Order(string id, OrderStatus status)
    {
        var order = new Order
        {
            Id = id,
            Code = "SO-0001",
            CustomerId = CustomerId.ToString(),
            Status = status,
            Total = 150_000m.ToMoney("VND"),
            CreatedAt = Timestamp.FromDateTime(DateTime.UtcNow),
        };
        order.Lines.Add(new OrderLine { ProductId = ProductId.ToString(), ProductName = "Phin filter", Quantity = 2, UnitPrice = 75_000m.ToMoney("VND") });
        return order;
    }
}

public sealed class StandInPayments(StandInBehavior behavior) : PaymentsService.PaymentsServiceBase
{
    public const string OrderUrl = "https://sandbox.zalopay.test/pay/1";

    public override async Task<Payment> CreatePayment(CreatePaymentRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("CreatePayment", request, context);
        return new Payment { OrderId = request.OrderId, Status = PaymentStatus.Pending, OrderUrl = OrderUrl, Amount = request.Amount };
    }

    public override async Task<Payment> QueryPayment(QueryPaymentRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("QueryPayment", request, context);
        return new Payment { OrderId = request.OrderId, Status = behavior.QueryStatus, ZpTransId = "zp-1" };
    }

    public override async Task<Payment> CancelPayment(CancelPaymentRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("CancelPayment", request, context);
        return new Payment { OrderId = request.OrderId, Status = request.Expired ? PaymentStatus.Expired : PaymentStatus.Cancelled };
    }

    public override async Task<Payment> RefundPayment(RefundPaymentRequest request, ServerCallContext context)
    {
        await behavior.EnterAsync("RefundPayment", request, context);
        return new Payment { OrderId = request.OrderId, Status = PaymentStatus.RefundPending, ZpTransId = "zp-1" };
    }
}
