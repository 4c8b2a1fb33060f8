using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Callbacks;

/// <summary>
/// Delivers each payment's callback the way the control API planned: the next N callbacks each take
/// one plan (dropped, duplicated, delayed, held), later ones are normal. Deliveries use the app's
/// lifetime, not the paying request's: a customer closing the page does not stop ZaloPay calling.
/// </summary>
public sealed class CallbackDispatcher(CallbackSender sender, IHostApplicationLifetime lifetime, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Queue<CallbackPlan> _plans = new();
    private readonly List<(SandboxOrder Order, CallbackMessage Message)> _held = [];

    /// <summary>Replaces the plan: the next <paramref name="count"/> callbacks are delivered as <paramref name="plan"/> says.</summary>
    public void Plan(CallbackPlan plan, int count)
    {
        lock (_gate)
        {
            _plans.Clear();
            for (var i = 0; i < count; i++)
            {
                _plans.Enqueue(plan);
            }
        }
    }

    /// <summary>Delivers (or drops, delays, holds) one callback; returns the attempts made before returning.</summary>
    public async Task<IReadOnlyList<CallbackDelivery>> DispatchAsync(SandboxOrder order, CallbackMessage message)
    {
        CallbackPlan plan;
        lock (_gate)
        {
            plan = _plans.TryDequeue(out var next) ? next : CallbackPlan.Normal;
            if (plan.Mode == CallbackMode.Hold)
            {
                _held.Add((order, message));
                return [];
            }
        }

        var stopping = lifetime.ApplicationStopping;
        switch (plan.Mode)
        {
            case CallbackMode.Drop:
                order.Record(new CallbackDelivery(order.Request.AppTransId, 1, 0, clock.GetUtcNow(), null, null, null, "dropped by the control API"));
                return [];
            case CallbackMode.Delay:
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await Task.Delay(plan.Delay, stopping);
                            await sender.SendAsync(order, message, 1, stopping);
                        }
                        catch (OperationCanceledException)
                        {
                            // The sandbox stopped before the delayed callback was due; nobody is waiting for it.
                        }
                    },
                    stopping);
                return [];
            case CallbackMode.Duplicate:
                var copies = await Task.WhenAll(Enumerable.Range(1, Math.Max(1, plan.Copies)).Select(copy => sender.SendAsync(order, message, copy, stopping)));
                return [.. copies.SelectMany(attempts => attempts)];
            default:
                return await sender.SendAsync(order, message, 1, stopping);
        }
    }

    /// <summary>Delivers every held callback, one after the other, oldest first or (for out-of-order tests) newest first.</summary>
    public async Task<IReadOnlyList<CallbackDelivery>> ReleaseAsync(bool reverse)
    {
        List<(SandboxOrder Order, CallbackMessage Message)> held;
        lock (_gate)
        {
            held = [.. _held];
            _held.Clear();
        }

        if (reverse)
        {
            held.Reverse();
        }

        var deliveries = new List<CallbackDelivery>();
        foreach (var (order, message) in held)
        {
            deliveries.AddRange(await sender.SendAsync(order, message, 1, lifetime.ApplicationStopping));
        }

        return deliveries;
    }

    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _plans.Clear();
            _held.Clear();
        }
    }
}
