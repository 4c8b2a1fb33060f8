using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Ordering;
using Shop.Orders.Processing;

namespace Shop.Orders.Tests.Api;

/// <summary>
/// Placed orders reach order processing even when it was down at placement: the sweeper retries
/// until processing accepts each one, and marks it so it is never handed over twice.
/// </summary>
public sealed class HandOffTests(HandOffTests.Host orders) : IClassFixture<HandOffTests.Host>
{
    public sealed class Host : OrdersHost
    {
        // The test sweeps by hand; a background sweep racing it would blur how many starts there were.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:Orders:HandOffSweepInterval"] = "01:00:00",
        };

        protected override void ConfigureServices(IServiceCollection services) => services.AddOrderProcessing<FlakyProcessing>();
    }

    /// <summary>Stands in for the orchestrator (a later issue): refuses while told to, records what it accepts.</summary>
    public sealed class FlakyProcessing : IOrderProcessing
    {
        public ConcurrentDictionary<Guid, int> Started { get; } = new();

        public ConcurrentBag<Guid> CancellationsRequested { get; } = [];

        public volatile bool Down;

        public Task StartAsync(Order order, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new InvalidOperationException("processing is down");
            }

            Started.AddOrUpdate(order.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task RequestCancellationAsync(Order order, CancellationToken cancellationToken)
        {
            CancellationsRequested.Add(order.Id);
            return Task.CompletedTask;
        }
    }

    private FlakyProcessing Processing => (FlakyProcessing)orders.Host.GetRequiredService<IOrderProcessing>();

    private HandOffSweeper Sweeper => orders.Host.GetRequiredService<HandOffSweeper>();

    [Fact]
    public async Task Sweep_HandsOverOrdersProcessingMissed_Once()
    {
        Processing.Down = true;
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        await Sweeper.SweepAsync(default);
        Assert.False(Processing.Started.ContainsKey(order.Id));

        Processing.Down = false;
        await Sweeper.SweepAsync(default);
        await Sweeper.SweepAsync(default);

        // Once the hand-off is recorded nobody starts it again.
        Assert.Equal(1, Processing.Started[order.Id]);
        var stored = await orders.Grpc().GetOrderAsync(new Grpc.GetOrderRequest { OrderId = order.Id.ToString() });
        Assert.Equal(Grpc.OrderStatus.Pending, stored.Status);
    }

    [Fact]
    public async Task CancelOrder_TellsProcessing()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);

        await orders.Client(orders.Tokens.Customer(customer)).PostAsync(
            "mutation ($id: ID!) { cancelOrder(input: { orderId: $id }) { errors { code } } }", new { id = order.Id });

        Assert.Contains(order.Id, Processing.CancellationsRequested);
    }
}
