using System.Text.Json.Serialization;
using Shop.ZaloPaySandbox.Api;

namespace Shop.ZaloPaySandbox.Control;

[JsonConverter(typeof(JsonStringEnumConverter<FaultMode>))]
public enum FaultMode
{
    /// <summary>Answer normally (clears a fault).</summary>
    None,

    /// <summary>Answer 500 with an HTML error page, as a broken gateway in front of ZaloPay would.</summary>
    Http500,

    /// <summary>Never answer until the caller gives up or the fault is reset.</summary>
    Hang,
}

/// <summary>Faults set per endpoint, each for the next N requests or until reset.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ApiEndpoint, (FaultMode Mode, int? Remaining)> _faults = [];
    private CancellationTokenSource _released = new();

    /// <summary>Hanging requests wait on this; a reset ends them.</summary>
    public CancellationToken Released
    {
        get
        {
            lock (_gate)
            {
                return _released.Token;
            }
        }
    }

    public void Set(ApiEndpoint endpoint, FaultMode mode, int? count)
    {
        lock (_gate)
        {
            if (mode == FaultMode.None || count <= 0)
            {
                _faults.Remove(endpoint);
            }
            else
            {
                _faults[endpoint] = (mode, count);
            }
        }
    }

    /// <summary>The fault this request gets, using up one of a counted fault.</summary>
    public FaultMode Take(ApiEndpoint endpoint)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(endpoint, out var fault))
            {
                return FaultMode.None;
            }

            if (fault.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    _faults.Remove(endpoint);
                }
                else
                {
                    _faults[endpoint] = (fault.Mode, remaining - 1);
                }
            }

            return fault.Mode;
        }
    }

    public void Reset()
    {
        CancellationTokenSource released;
        lock (_gate)
        {
            _faults.Clear();
            released = _released;
            _released = new CancellationTokenSource();
        }

        // Not disposed: a request may still be linking to its token, and without a timer nothing leaks.
        released.Cancel();
    }
}
