namespace Shop.GraphQL.Tests.Sample;

/// <summary>Emits 1..to, one per interval, then completes; counts its live subscribers in the probe.</summary>
public sealed class CountingSource(int to, TimeSpan interval, Probe probe) : IObservable<int>
{
    public IDisposable Subscribe(IObserver<int> observer)
    {
        var cancellation = new CancellationTokenSource();
        probe.Subscribed();
        _ = Task.Run(async () =>
        {
            try
            {
                for (var i = 1; i <= to; i++)
                {
                    await Task.Delay(interval, cancellation.Token);
                    observer.OnNext(i);
                }

                observer.OnCompleted();
            }
            catch (OperationCanceledException)
            {
                // Unsubscribed.
            }
        });
        return new Subscription(cancellation, probe);
    }

    public IObservable<T> Select<T>(Func<int, T> map) => new Mapped<T>(this, map);

    private sealed class Subscription(CancellationTokenSource cancellation, Probe probe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                cancellation.Cancel();
                probe.Unsubscribed();
            }
        }
    }

    private sealed class Mapped<T>(IObservable<int> source, Func<int, T> map) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer) => source.Subscribe(new Observer(observer, map));

        private sealed class Observer(IObserver<T> inner, Func<int, T> map) : IObserver<int>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(int value) => inner.OnNext(map(value));
        }
    }
}
