using Shop.ZaloPaySandbox.Api;

namespace Shop.ZaloPaySandbox.Control;

/// <summary>What the sandbox was asked, for tests that assert "called once" or "never created a second order".</summary>
public sealed record RequestCounts(int Create, int Query, int Refund, int QueryRefund, int OrdersCreated, int RefundsCreated, int Callbacks);

/// <summary>Counts every request that reached an API endpoint, faulted ones included.</summary>
public sealed class RequestCounters
{
    private readonly int[] _calls = new int[Enum.GetValues<ApiEndpoint>().Length];
    private int _ordersCreated;
    private int _refundsCreated;
    private int _callbacks;

    public void Called(ApiEndpoint endpoint) => Interlocked.Increment(ref _calls[(int)endpoint]);

    public void OrderCreated() => Interlocked.Increment(ref _ordersCreated);

    public void RefundCreated() => Interlocked.Increment(ref _refundsCreated);

    /// <summary>One HTTP attempt to deliver a callback.</summary>
    public void CallbackSent() => Interlocked.Increment(ref _callbacks);

    public RequestCounts Snapshot() => new(
        Volatile.Read(ref _calls[(int)ApiEndpoint.Create]),
        Volatile.Read(ref _calls[(int)ApiEndpoint.Query]),
        Volatile.Read(ref _calls[(int)ApiEndpoint.Refund]),
        Volatile.Read(ref _calls[(int)ApiEndpoint.QueryRefund]),
        Volatile.Read(ref _ordersCreated),
        Volatile.Read(ref _refundsCreated),
        Volatile.Read(ref _callbacks));

    public void Reset()
    {
        for (var i = 0; i < _calls.Length; i++)
        {
            Interlocked.Exchange(ref _calls[i], 0);
        }

        Interlocked.Exchange(ref _ordersCreated, 0);
        Interlocked.Exchange(ref _refundsCreated, 0);
        Interlocked.Exchange(ref _callbacks, 0);
    }
}
