using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>
/// The revoked sessions a watcher must know: first those revoked after its cursor, but no further
/// back than an access token lives (older ones no live token can carry), then each new one. Reads
/// the families table, so it sees every instance's revocations: at once when this instance revoked
/// (<see cref="RevocationSignal"/>), else within <see cref="UsersOptions.RevocationPollInterval"/>.
/// </summary>
public sealed class SessionRevocationFeed(IServiceScopeFactory scopes, RevocationSignal signal, IOptions<UsersOptions> options, TimeProvider clock)
{
    public const int PageSize = 500;

    /// <summary>
    /// A revocation's time is taken before its transaction commits, on its instance's clock, so a row
    /// can appear behind the cursor: every poll reads this far back again and skips what it sent.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    /// <summary>A token issued by a refresh that raced the revocation may outlive it by a moment.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    /// <summary>Batches of revocations; an empty one each <see cref="UsersOptions.RevocationHeartbeat"/> when nothing happened.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RevokedSession>> WatchAsync(DateTimeOffset? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var floor = clock.GetUtcNow() - settings.AccessTokenLifetime - ExpiryMargin;
        var cursor = after is { } given && given > floor ? given : floor;
        var sent = new Dictionary<Guid, DateTimeOffset>();
        var lastSent = DateTimeOffset.MinValue;
        while (true)
        {
            // Taken before the read: a revocation committed during it still wakes the next round.
            var woken = signal.NextAsync();
            var fresh = await ReadAsync(cursor - Overlap, sent, cancellationToken);
            if (fresh.Count > 0)
            {
                cursor = fresh.Max(session => session.RevokedAt) is var newest && newest > cursor ? newest : cursor;
                foreach (var session in sent.Where(pair => pair.Value <= cursor - Overlap).Select(pair => pair.Key).ToList())
                {
                    sent.Remove(session);
                }
            }

            var now = clock.GetUtcNow();
            if (fresh.Count > 0 || now - lastSent >= settings.RevocationHeartbeat)
            {
                lastSent = now;
                yield return fresh;
            }

            await Task.WhenAny(woken, Task.Delay(settings.RevocationPollInterval, clock, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<List<RevokedSession>> ReadAsync(DateTimeOffset from, Dictionary<Guid, DateTimeOffset> sent, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.AccessTokenLifetime + ExpiryMargin;
        var fresh = new List<RevokedSession>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var afterId = Guid.Empty;
        while (true)
        {
            // Keyset pages over the partial (revoked_at, id) index: equal times never split a page.
            var page = await db.RefreshTokenFamilies
                .FromSql($"SELECT * FROM refresh_token_families WHERE (revoked_at, id) > ({from}, {afterId}) ORDER BY revoked_at, id LIMIT {PageSize}")
                .AsNoTracking()
                .Select(family => new { family.Id, RevokedAt = family.RevokedAt!.Value })
                .ToListAsync(cancellationToken);
            foreach (var row in page.Where(row => sent.TryAdd(row.Id, row.RevokedAt)))
            {
                fresh.Add(new RevokedSession(row.Id, row.RevokedAt, row.RevokedAt + lifetime));
            }

            if (page.Count < PageSize)
            {
                return fresh;
            }

            (from, afterId) = (page[^1].RevokedAt, page[^1].Id);
        }
    }
}
