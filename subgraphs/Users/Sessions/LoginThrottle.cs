using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>A sign-in that has been let through the throttle and counts as a failure until it succeeds.</summary>
public sealed record ThrottledAttempt(IReadOnlyList<long> FailureIds, IReadOnlyList<string> ForgivenKeys);

/// <summary>
/// Limits on sign-in failures and registrations (<see cref="ThrottleOptions"/>), kept in PostgreSQL
/// so every instance of the service counts the same attempts. An attempt is recorded before the
/// password is checked, under per-key advisory locks, so parallel guesses cannot slip past a limit;
/// a success removes it again. Unknown emails are counted exactly like real ones.
/// <list type="bullet">
/// <item>one account from one address: a few free failures, then a wait that doubles with each
/// further one (the guesser's own backoff);</item>
/// <item>one address over every account: a sliding-window limit (spraying many accounts);</item>
/// <item>one account from every address: past a few failures, attempts are only spaced out, never
/// refused for longer, so a stranger cannot lock the owner out.</item>
/// </list>
/// </summary>
public sealed class LoginThrottle(UsersDbContext db, IOptions<UsersOptions> options, TimeProvider clock)
{
    /// <summary>Lets the sign-in through, or throws <see cref="ThrottledException"/> with the seconds to wait.</summary>
    public async Task<ThrottledAttempt> BeginAsync(string normalizedEmail, string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value.Throttle;
        var account = "account:" + normalizedEmail;
        // Hashed: an email and an address together can be longer than the key column.
        var pair = "pair:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail + "\n" + clientAddress)));
        Rule[] rules =
        [
            new(pair, settings.PairWindow, times => times.Count >= settings.PairFreeFailures
                ? times[^1] + Backoff(settings, times.Count - settings.PairFreeFailures)
                : null),
            new("address:" + clientAddress, settings.AddressWindow, times => SlidingLimit(times, settings.AddressLimit, settings.AddressWindow)),
            new(account, settings.AccountWindow, times => times.Count >= settings.AccountFreeFailures ? times[^1] + settings.AccountSpacing : null),
        ];
        var ids = await TakeAsync(rules, ThrottledException.SignInMessage, cancellationToken);
        return new ThrottledAttempt(ids, [pair, account]);
    }

    /// <summary>Counts a registration from <paramref name="clientAddress"/>, or throws <see cref="ThrottledException"/>.</summary>
    public async Task RegistrationAsync(string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value.Throttle;
        Rule[] rules =
        [
            new("register:" + clientAddress, settings.RegistrationWindow, times => SlidingLimit(times, settings.RegistrationLimit, settings.RegistrationWindow)),
        ];
        await TakeAsync(rules, ThrottledException.RegistrationMessage, cancellationToken);
    }

    /// <summary>
    /// The attempt was right: it is no failure, and the account's earlier failures, overall and from
    /// this address, are forgiven. Another address's backoff stays.
    /// </summary>
    public async Task SucceededAsync(ThrottledAttempt attempt, CancellationToken cancellationToken)
    {
        var ids = attempt.FailureIds.ToArray();
        var keys = attempt.ForgivenKeys.ToArray();
        await db.LoginFailures
            .Where(failure => ids.Contains(failure.Id) || keys.Contains(failure.Key))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<long>> TakeAsync(Rule[] rules, Func<int, string> refusal, CancellationToken cancellationToken)
    {
        var keys = rules.Select(rule => rule.Key).ToArray();
        var now = clock.GetUtcNow();
        var oldest = now - rules.Max(rule => rule.Window);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            // Sorted, so two attempts locking the same keys cannot deadlock.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }

        var recent = await db.LoginFailures.AsNoTracking()
            .Where(failure => keys.Contains(failure.Key) && failure.FailedAt > oldest)
            .OrderBy(failure => failure.FailedAt)
            .Select(failure => new { failure.Key, failure.FailedAt })
            .ToListAsync(cancellationToken);

        var wait = TimeSpan.Zero;
        foreach (var rule in rules)
        {
            var times = recent.Where(f => f.Key == rule.Key && f.FailedAt > now - rule.Window).Select(f => f.FailedAt).ToList();
            if (rule.FreeAt(times) is { } freeAt && freeAt - now > wait)
            {
                wait = freeAt - now;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            throw new ThrottledException(refusal(seconds), seconds);
        }

        var rows = keys.Select(key => new LoginFailure { Key = key, FailedAt = now }).ToList();
        db.LoginFailures.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        var expired = now - LongestWindow(options.Value.Throttle);
        await db.LoginFailures.Where(failure => failure.FailedAt < expired).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return [.. rows.Select(row => row.Id)];
    }

    /// <summary>At most <paramref name="limit"/> per window: free again once enough have left it to make room for one more.</summary>
    private static DateTimeOffset? SlidingLimit(List<DateTimeOffset> times, int limit, TimeSpan window)
        => times.Count >= limit ? times[times.Count - limit] + window : null;

    private static TimeSpan Backoff(ThrottleOptions settings, int doublings)
        => TimeSpan.FromSeconds(Math.Min(settings.PairBaseDelay.TotalSeconds * Math.Pow(2, doublings), settings.PairMaxDelay.TotalSeconds));

    private static TimeSpan LongestWindow(ThrottleOptions settings)
        => new[] { settings.PairWindow, settings.AccountWindow, settings.AddressWindow, settings.RegistrationWindow }.Max();

    /// <summary>One limit: its key, how far back its attempts count, and when the next is allowed given them (oldest first).</summary>
    private sealed record Rule(string Key, TimeSpan Window, Func<List<DateTimeOffset>, DateTimeOffset?> FreeAt);
}
