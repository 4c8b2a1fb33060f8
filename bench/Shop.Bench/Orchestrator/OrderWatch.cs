using System.Collections.Concurrent;
using Shop.Orders.Events;
using Shop.Orders.Ordering;

namespace Shop.Bench.Orchestrator;

/// <summary>
/// The orders service's own event feed for the benchmark's customers, as subscriptions receive it:
/// when each order starts waiting for its money, and how it ends. An event may arrive before the
/// placement has returned the order's id, so watches are made by whichever comes first.
/// </summary>
internal sealed class OrderWatch : IObserver<OrderStatusChangeEvent>
{
    private readonly ConcurrentDictionary<Guid, Progress> _orders = new();

    public Progress For(Guid orderId) => _orders.GetOrAdd(orderId, _ => new Progress());

    public void Forget(Guid orderId) => _orders.TryRemove(orderId, out _);

    public void OnNext(OrderStatusChangeEvent value)
    {
        var progress = For(value.Order.Id);
        switch (value.Change.To)
        {
            case OrderStatus.AwaitingPayment:
                progress.AwaitingPayment.TrySetResult();
                break;
            case OrderStatus.Completed or OrderStatus.Rejected or OrderStatus.Cancelled:
                // A rejected order never asks for money.
                progress.AwaitingPayment.TrySetResult();
                progress.Ended.TrySetResult(value.Change.To);
                break;
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public sealed class Progress
    {
        public TaskCompletionSource AwaitingPayment { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<OrderStatus> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
