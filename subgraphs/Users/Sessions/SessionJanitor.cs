using Microsoft.EntityFrameworkCore;
using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>
/// Hourly, deletes sessions none of whose refresh tokens is still valid (their tokens go with
/// them). Used tokens of live sessions stay, so a replay is still recognised as one.
/// </summary>
public sealed class SessionJanitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the dead sessions; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var now = clock.GetUtcNow();
        return await db.RefreshTokenFamilies
            .Where(family => !db.RefreshTokens.Any(token => token.FamilyId == family.Id && token.ExpiresAt > now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken);
                logger.LogInformation("Deleted {Count} expired sessions", deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next round tries again; a missed purge only leaves dead rows a while longer.
                logger.LogWarning(exception, "Purging expired sessions failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
