using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>A sign-in that has been let through the throttle and counts as a failure until it succeeds.</summary>
public sealed record ThrottledAttempt(IReadOnlyList<long> FailureIds, string AccountKey);

/// <summary>
/// Sliding-window limits on failed sign-ins, per account and per client address, kept in PostgreSQL
/// so every instance of the service counts the same attempts. An attempt is recorded as a failure
/// before the password is checked, under a per-key advisory lock, so parallel guesses cannot slip
/// past the limit; a success removes it again. Unknown emails are counted exactly like real ones.
/// </summary>
public sealed class LoginThrottle(UsersDbContext db, IOptions<UsersOptions> options, TimeProvider clock)
{
    /// <summary>Lets the attempt through, or throws <see cref="ThrottledException"/> with the seconds to wait.</summary>
    public async Task<ThrottledAttempt> BeginAsync(string normalizedEmail, string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value.Throttle;
        (string Key, int Limit, TimeSpan Window)[] rules =
        [
            ("account:" + normalizedEmail, settings.AccountLimit, settings.AccountWindow),
            ("address:" + clientAddress, settings.AddressLimit, settings.AddressWindow),
        ];
        var keys = rules.Select(rule => rule.Key).ToArray();
        var now = clock.GetUtcNow();
        var oldest = now - rules.Max(rule => rule.Window);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            // Sorted, so two attempts locking the same pair of keys cannot deadlock.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }

        var recent = await db.LoginFailures.AsNoTracking()
            .Where(failure => keys.Contains(failure.Key) && failure.FailedAt > oldest)
            .OrderBy(failure => failure.FailedAt)
            .Select(failure => new { failure.Key, failure.FailedAt })
            .ToListAsync(cancellationToken);

        var wait = TimeSpan.Zero;
        foreach (var (key, limit, window) in rules)
        {
            var times = recent.Where(f => f.Key == key && f.FailedAt > now - window).Select(f => f.FailedAt).ToList();
            if (times.Count >= limit)
            {
                // Allowed again once enough failures have left the window to make room for one more.
                var freeAt = times[times.Count - limit] + window;
                wait = freeAt - now > wait ? freeAt - now : wait;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            throw new ThrottledException(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        }

        var rows = keys.Select(key => new LoginFailure { Key = key, FailedAt = now }).ToList();
        db.LoginFailures.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await db.LoginFailures.Where(failure => failure.FailedAt < oldest).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return new ThrottledAttempt([.. rows.Select(row => row.Id)], keys[0]);
    }

    /// <summary>The attempt was right: it is no failure, and the account's earlier failures are forgiven.</summary>
    public async Task SucceededAsync(ThrottledAttempt attempt, CancellationToken cancellationToken)
    {
        var ids = attempt.FailureIds.ToArray();
        await db.LoginFailures
            .Where(failure => ids.Contains(failure.Id) || failure.Key == attempt.AccountKey)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
