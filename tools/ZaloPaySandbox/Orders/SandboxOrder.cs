namespace Shop.ZaloPaySandbox.Orders;

/// <summary>
/// One ZaloPay order and what happened to it. Pages, the API, the control API and callback
/// deliveries touch it from different requests, so every change goes through one lock.
/// </summary>
public sealed class SandboxOrder(NewOrder request, string token, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<CallbackDelivery> _callbacks = [];
    private OrderStatus _status = OrderStatus.Pending;
    private DateTimeOffset _expiresAt = createdAt.AddSeconds(request.ExpireSeconds);
    private long? _zpTransId;
    private DateTimeOffset? _paidAt;
    private long _refunded;

    public NewOrder Request => request;

    public string Token => token;

    public OrderStatus StatusAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return Current(now);
        }
    }

    /// <summary>Pending becomes Paid with <paramref name="zpTransId"/>; anything else is left alone and returned.</summary>
    public OrderStatus TryPay(long zpTransId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var status = Current(now);
            if (status != OrderStatus.Pending)
            {
                return status;
            }

            (_status, _zpTransId, _paidAt) = (OrderStatus.Paid, zpTransId, now);
            return OrderStatus.Pending;
        }
    }

    /// <summary>Pending becomes <paramref name="to"/> (Failed or Expired); returns the status it had.</summary>
    public OrderStatus TryEnd(OrderStatus to, DateTimeOffset now)
    {
        lock (_gate)
        {
            var status = Current(now);
            if (status == OrderStatus.Pending)
            {
                _status = to;
                _expiresAt = to == OrderStatus.Expired ? now : _expiresAt;
            }

            return status;
        }
    }

    /// <summary>Takes <paramref name="amount"/> off what is left to refund; false when it would refund more than was paid.</summary>
    public bool TryReserveRefund(long amount)
    {
        lock (_gate)
        {
            if (_status != OrderStatus.Paid || amount <= 0 || _refunded + amount > request.Amount)
            {
                return false;
            }

            _refunded += amount;
            return true;
        }
    }

    public void Record(CallbackDelivery delivery)
    {
        lock (_gate)
        {
            _callbacks.Add(delivery);
        }
    }

    public OrderState Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new OrderState(
                request.AppTransId, request.AppUser, request.Amount, request.Description, Current(now), token,
                _zpTransId, createdAt, _expiresAt, _paidAt, _refunded, [.. _callbacks]);
        }
    }

    // Expiry is lazy: a pending order whose time ran out is expired from then on, without a timer.
    private OrderStatus Current(DateTimeOffset now)
        => _status == OrderStatus.Pending && now >= _expiresAt ? OrderStatus.Expired : _status;
}
