using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Shop.ZaloPaySandbox.Orders;

public enum RefundRefusal
{
    None,
    UnknownTransaction,
    NotPaid,
    TooMuch,
    DuplicateId,
}

/// <summary>Refunds by m_refund_id. A repeat of the same request returns the refund it already made.</summary>
public sealed class RefundDesk(OrderBook orders, TimeProvider clock, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, SandboxRefund> _refunds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _failNext;

    /// <summary>Makes the next <paramref name="count"/> refunds fail (ZaloPay refusing to move the money).</summary>
    public void FailNext(int count)
    {
        lock (_gate)
        {
            _failNext = Math.Max(0, count);
        }
    }

    public (SandboxRefund? Refund, RefundRefusal Refusal, bool IsNew) Request(string mRefundId, long zpTransId, long amount, string description)
    {
        // One lock: the duplicate check, the paid-amount reservation and the insert must not interleave.
        lock (_gate)
        {
            if (_refunds.TryGetValue(mRefundId, out var existing))
            {
                return existing.ZpTransId == zpTransId && existing.Amount == amount ? (existing, RefundRefusal.None, false) : (null, RefundRefusal.DuplicateId, false);
            }

            var order = orders.FindByZpTransId(zpTransId);
            if (order is null)
            {
                return (null, RefundRefusal.UnknownTransaction, false);
            }

            var now = clock.GetUtcNow();
            if (order.StatusAt(now) != OrderStatus.Paid)
            {
                return (null, RefundRefusal.NotPaid, false);
            }

            var fails = _failNext > 0;
            if (!fails && !order.TryReserveRefund(amount))
            {
                return (null, RefundRefusal.TooMuch, false);
            }

            _failNext = Math.Max(0, _failNext - 1);
            var refund = new SandboxRefund(mRefundId, orders.NextId(), zpTransId, amount, description, now, now + options.Value.RefundSettleDelay, fails);
            _refunds[mRefundId] = refund;
            return (refund, RefundRefusal.None, true);
        }
    }

    public SandboxRefund? Find(string mRefundId) => _refunds.GetValueOrDefault(mRefundId);

    public void Clear()
    {
        lock (_gate)
        {
            _refunds.Clear();
            _failNext = 0;
        }
    }
}
