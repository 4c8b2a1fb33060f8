using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace Shop.ZaloPaySandbox.Orders;

/// <summary>Every order the sandbox knows, by app_trans_id, by pay-page token and by zp_trans_id. In memory only.</summary>
public sealed class OrderBook(TimeProvider clock)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private readonly ConcurrentDictionary<string, SandboxOrder> _byAppTransId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxOrder> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, SandboxOrder> _byZpTransId = new();
    private long _sequence;

    /// <summary>The new order, or null when app_trans_id is taken (ZaloPay's -68); atomic under concurrent creates.</summary>
    public SandboxOrder? TryCreate(NewOrder request)
    {
        var order = new SandboxOrder(request, NewToken(), clock.GetUtcNow());
        if (!_byAppTransId.TryAdd(request.AppTransId, order))
        {
            return null;
        }

        _byToken[order.Token] = order;
        return order;
    }

    public SandboxOrder? Find(string appTransId) => _byAppTransId.GetValueOrDefault(appTransId);

    public SandboxOrder? FindByToken(string token) => _byToken.GetValueOrDefault(token);

    public SandboxOrder? FindByZpTransId(long zpTransId) => _byZpTransId.GetValueOrDefault(zpTransId);

    /// <summary>Registers a paid order under its zp_trans_id, which refunds name it by.</summary>
    public void Paid(long zpTransId, SandboxOrder order) => _byZpTransId[zpTransId] = order;

    /// <summary>ZaloPay ids read like <c>yyMMdd</c> (Vietnam date) and a sequence: <c>261203000000007</c>.</summary>
    public long NextId()
    {
        var date = long.Parse(clock.GetUtcNow().ToOffset(VietnamOffset).ToString("yyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (date * 1_000_000_000) + Interlocked.Increment(ref _sequence);
    }

    public void Clear()
    {
        _byAppTransId.Clear();
        _byToken.Clear();
        _byZpTransId.Clear();
    }

    // The pay page is reached by this token, so app_trans_ids (guessable) never appear in URLs.
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
