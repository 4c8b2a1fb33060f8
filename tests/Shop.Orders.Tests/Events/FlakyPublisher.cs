using Shop.Orders.Events;

namespace Shop.Orders.Tests.Events;

/// <summary>
/// The real backplane publisher behind a switch: the next sends throw (<see cref="FailNext"/>), or
/// report success and send nothing, as a message lost on the way would (<see cref="DropNext"/>).
/// </summary>
public sealed class FlakyPublisher(IOrderEventPublisher inner) : IOrderEventPublisher
{
    private int _failures;
    private int _drops;
    private int _attempts;

    public int Attempts => _attempts;

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public void DropNext(int count) => Interlocked.Exchange(ref _drops, count);

    public Task PublishAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("The backplane is down (test).");
        }

        if (Interlocked.Decrement(ref _drops) >= 0)
        {
            return Task.CompletedTask;
        }

        return inner.PublishAsync(notice, cancellationToken);
    }
}
