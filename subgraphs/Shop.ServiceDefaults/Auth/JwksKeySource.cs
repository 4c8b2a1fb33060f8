using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// The users service's signing keys, cached. IdentityModel's own manager refreshes in the background
/// and at most every 30 seconds, so a token signed by a key the users service has just started using
/// was refused until long after; here a refresh asked for because of an unknown key id is fetched
/// before the next read returns, at most once per <see cref="AuthOptions.KeyRefreshMinInterval"/>
/// (tokens with made-up key ids cannot turn a subgraph into a JWKS flood). A failed fetch keeps the
/// keys already known; only a service that never got any reports the keys unreachable.
/// </summary>
internal sealed class JwksKeySource(
    string address,
    IDocumentRetriever documents,
    TimeSpan minRefreshInterval,
    TimeSpan maxAge,
    TimeProvider time) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly IConfigurationRetriever<OpenIdConnectConfiguration> _reader = new JwksConfigurationRetriever();
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private Exception? _lastFailure;
    // UTC ticks, read without the lock by every request: a long read with Volatile is never torn.
    private long _fetchedAt = DateTimeOffset.MinValue.UtcTicks;
    private long _attemptedAt = DateTimeOffset.MinValue.UtcTicks;
    private volatile bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } fresh && !NeedsFetch())
        {
            return fresh;
        }

        await _fetch.WaitAsync(cancel);
        try
        {
            if (_current is { } fetchedMeanwhile && !NeedsFetch())
            {
                return fetchedMeanwhile;
            }

            // No keys yet and the last try just failed: every request must not queue behind a
            // fetch that will time out again.
            if (_current is null && _lastFailure is { } failure && SinceAttempt() < minRefreshInterval)
            {
                throw new InvalidOperationException("The signing keys could not be fetched.", failure);
            }

            var attemptedAt = time.GetUtcNow().UtcTicks;
            Volatile.Write(ref _attemptedAt, attemptedAt);
            _refreshRequested = false;
            try
            {
                _current = await _reader.GetConfigurationAsync(address, documents, cancel);
                Volatile.Write(ref _fetchedAt, attemptedAt);
                _lastFailure = null;
            }
            catch (Exception exception) when (!cancel.IsCancellationRequested)
            {
                _lastFailure = exception;
                if (_current is null)
                {
                    throw;
                }

                // Keep validating with the keys we have; the next read after the interval tries again.
            }

            return _current;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Asked when a token names a key id not in the cached set.</summary>
    public void RequestRefresh()
    {
        if (SinceAttempt() >= minRefreshInterval)
        {
            _refreshRequested = true;
        }
    }

    private bool NeedsFetch()
        => SinceAttempt() >= minRefreshInterval && (_refreshRequested || Since(ref _fetchedAt) >= maxAge);

    private TimeSpan SinceAttempt() => Since(ref _attemptedAt);

    private TimeSpan Since(ref long ticks) => TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - Volatile.Read(ref ticks));
}
