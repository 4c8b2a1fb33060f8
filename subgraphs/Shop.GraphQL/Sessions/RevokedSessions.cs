namespace Shop.GraphQL.Sessions;

/// <summary>
/// The revoked sessions this instance knows of, each kept until no token of it can still be valid;
/// whatever learns of revocations (orders' watcher of the users service) adds them here.
/// </summary>
public sealed class RevokedSessions(TimeProvider clock) : ISessionRevocations
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Registration>> _watchers = new(StringComparer.Ordinal);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>Sessions currently held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _revoked.Count;
            }
        }
    }

    public bool IsRevoked(string sessionId)
    {
        lock (_gate)
        {
            return _revoked.TryGetValue(sessionId, out var forgetAfter) && forgetAfter > clock.GetUtcNow();
        }
    }

    public IDisposable Watch(string sessionId, Action revoked)
    {
        var registration = new Registration(this, sessionId, revoked);
        lock (_gate)
        {
            if (!(_revoked.TryGetValue(sessionId, out var forgetAfter) && forgetAfter > clock.GetUtcNow()))
            {
                if (!_watchers.TryGetValue(sessionId, out var list))
                {
                    _watchers[sessionId] = list = [];
                }

                list.Add(registration);
                return registration;
            }
        }

        registration.Fire();
        return registration;
    }

    /// <summary>Records <paramref name="sessionId"/> as revoked until <paramref name="forgetAfter"/> and ends its watchers.</summary>
    public void Revoke(string sessionId, DateTimeOffset forgetAfter)
    {
        List<Registration>? watchers;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (now >= _nextPrune)
            {
                _nextPrune = now + PruneInterval;
                foreach (var expired in _revoked.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
                {
                    _revoked.Remove(expired);
                }
            }

            if (forgetAfter <= now)
            {
                return;
            }

            _revoked[sessionId] = _revoked.TryGetValue(sessionId, out var held) && held > forgetAfter ? held : forgetAfter;
            _watchers.Remove(sessionId, out watchers);
        }

        // Outside the lock: a callback ends a stream, which may register or unregister others.
        foreach (var watcher in watchers ?? [])
        {
            watcher.Fire();
        }
    }

    private void Unregister(Registration registration)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(registration.SessionId, out var list) && list.Remove(registration) && list.Count == 0)
            {
                _watchers.Remove(registration.SessionId);
            }
        }
    }

    private sealed class Registration(RevokedSessions owner, string sessionId, Action revoked) : IDisposable
    {
        private int _done;

        public string SessionId => sessionId;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                revoked();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Unregister(this);
            }
        }
    }
}
