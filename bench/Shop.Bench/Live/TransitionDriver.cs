using System.Diagnostics;
using Grpc.Core;
using Shop.Orders.Grpc;

namespace Shop.Bench.Live;

/// <summary>
/// Moves the customers' orders along their lifecycle as the orchestrator's activities do (orders'
/// internal Transition RPC over mutual TLS, presenting the orchestrator's certificate), at a fixed
/// rate: open loop, each call started at its due time whether or not earlier ones have answered, so
/// a slow service shows as latency rather than as a lower rate. Pass p moves every order (in a
/// shuffled order) its p-th step; an order's next step waits for its previous one.
/// </summary>
internal sealed class TransitionDriver(OrdersService.OrdersServiceClient orders, IReadOnlyList<LiveCustomer> customers, int attempts = 1)
{
    /// <summary>The lifecycle after placement, with the workflow's reasons: at most four changes per order.</summary>
    public static readonly (OrderStatus To, string Reason)[] Steps =
    [
        (OrderStatus.Reserved, "Stock reserved."),
        (OrderStatus.AwaitingPayment, "Waiting for the ZaloPay payment."),
        (OrderStatus.Paid, "Payment received."),
        (OrderStatus.Completed, "Stock committed."),
    ];

    // Per order, the Stopwatch timestamp at which the call that stored each sequence started (index: sequence).
    private readonly long[][] _started = [.. customers.Select(_ => new long[Steps.Length + 2])];
    private readonly List<double> _callMs = [];
    private readonly List<string> _failures = [];

    /// <summary>When the call that stored change <paramref name="sequence"/> of customer <paramref name="index"/>'s order started; 0 when none did.</summary>
    public long StartedAt(int index, int sequence) => sequence < _started[index].Length ? _started[index][sequence] : 0;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Calls repeated after a missed deadline or an unavailable service.</summary>
    public int Retries { get; private set; }

    /// <summary>Durations of the Transition calls, sorted, in milliseconds.</summary>
    public double[] CallMilliseconds()
    {
        lock (_callMs)
        {
            return [.. _callMs.Order()];
        }
    }

    /// <summary>Offers <paramref name="total"/> transitions at <paramref name="perSecond"/>; returns how long offering them took.</summary>
    public async Task<TimeSpan> RunAsync(int perSecond, int total, CancellationToken cancellationToken)
    {
        var shuffled = Enumerable.Range(0, customers.Count).ToArray();
        new Random(15).Shuffle(shuffled);
        var tails = new Task[customers.Count];
        Array.Fill(tails, Task.CompletedTask);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < total; n++)
        {
            var wait = TimeSpan.FromSeconds((double)n / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var index = shuffled[n % customers.Count];
            tails[index] = TransitionAfterAsync(tails[index], index, Steps[n / customers.Count], cancellationToken);
        }

        var offered = clock.Elapsed;
        await Task.WhenAll(tails);
        return offered;
    }

    private async Task TransitionAfterAsync(Task previous, int index, (OrderStatus To, string Reason) step, CancellationToken cancellationToken)
    {
        await previous;
        var started = Stopwatch.GetTimestamp();
        // The change this step stores when every earlier one was stored; a call that misses its
        // deadline may still store it, and its event still counts from here.
        var sequence = Array.IndexOf(Steps, step) + 2;
        lock (_callMs)
        {
            _started[index][sequence] = started;
        }

        // Retried (when asked) on a missed deadline or an unavailable service, as the orchestrator's
        // activities are (a repeat is a no-op at orders); latency still counts from the first attempt.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await orders.TransitionAsync(
                    new TransitionRequest { OrderId = customers[index].OrderId.ToString(), To = step.To, Reason = step.Reason },
                    deadline: DateTime.UtcNow.AddSeconds(10),
                    cancellationToken: cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (_callMs)
                {
                    _callMs.Add(elapsed);
                    if (response.Changed)
                    {
                        _started[index][response.Order.History.Count] = started;
                    }
                }

                return;
            }
            catch (RpcException exception) when (attempt < attempts && exception.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
            {
                lock (_callMs)
                {
                    Retries++;
                }
            }
            catch (RpcException exception)
            {
                lock (_callMs)
                {
                    _failures.Add($"{step.To}: {exception.Status.StatusCode} {exception.Status.Detail}");
                }

                return;
            }
        }
    }
}
