using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Data;
using Shop.Users.Tokens;

namespace Shop.Users.Sessions;

/// <summary>
/// Sign-in sessions: a login opens a refresh-token family; each refresh uses its token up and
/// issues the next; presenting a used token again after a short leeway revokes the whole family (a
/// stolen copy and the real one cannot both live on); logout revokes the family.
/// </summary>
public sealed class SessionService(
    UsersDbContext db,
    IPasswordHasher<User> hasher,
    DummyPassword dummyPassword,
    LoginThrottle throttle,
    AccessTokenIssuer accessTokens,
    RevocationSignal revocations,
    IOptions<UsersOptions> options,
    TimeProvider clock)
{
    public async Task<IssuedSession> LoginAsync(string? email, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var address = EmailAddress.Validate(email, errors);
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new DomainError(SessionErrors.PasswordRequired, "Enter your password.", "password"));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var normalized = EmailAddress.Normalize(address!);
        var attempt = await throttle.BeginAsync(normalized, clientAddress, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            dummyPassword.Verify(password!);
            throw SessionErrors.InvalidCredentialsError();
        }

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password!);
        if (verification == PasswordVerificationResult.Failed)
        {
            throw SessionErrors.InvalidCredentialsError();
        }

        await throttle.SucceededAsync(attempt, cancellationToken);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await UpgradeHashAsync(user.Id, user.PasswordHash, hasher.HashPassword(user, password!), cancellationToken);
        }

        return await OpenAsync(user, cancellationToken);
    }

    /// <summary>
    /// Stores a stronger hash of the password a sign-in just verified, but only while the account
    /// still holds <paramref name="verifiedHash"/>: a password changed in the meantime wins. Returns
    /// whether the upgrade was stored.
    /// </summary>
    internal async Task<bool> UpgradeHashAsync(Guid userId, string verifiedHash, string upgradedHash, CancellationToken cancellationToken)
    {
        // Not through the tracked entity: SaveChanges would write it whatever the row holds now.
        var updated = await db.Users
            .Where(u => u.Id == userId && u.PasswordHash == verifiedHash)
            .ExecuteUpdateAsync(setters => setters.SetProperty(u => u.PasswordHash, upgradedHash), cancellationToken);
        return updated == 1;
    }

    /// <summary>Starts a new session (refresh-token family) for <paramref name="user"/>.</summary>
    public async Task<IssuedSession> OpenAsync(User user, CancellationToken cancellationToken)
    {
        var family = new RefreshTokenFamily { Id = Guid.CreateVersion7(), UserId = user.Id, CreatedAt = clock.GetUtcNow() };
        db.RefreshTokenFamilies.Add(family);
        return await IssueAsync(user, family.Id, cancellationToken);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. A token used within the reuse leeway (concurrent
    /// refreshes from two tabs, a retry after a lost answer) gets another successor in the same
    /// family; a token used before that is a replay and revokes the whole family, so the session
    /// ends, every successor included.
    /// </summary>
    public async Task<IssuedSession> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        var hash = RefreshTokens.Hash(refreshToken) ?? throw SessionErrors.InvalidRefreshTokenError();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The conditional update is the claim: concurrent exchanges queue on the row lock and all
        // but the first find it used a moment ago, which the leeway (below) tells from a replay.
        var claimed = await db.RefreshTokens
            .Where(token => token.TokenHash == hash && token.UsedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.UsedAt, now), cancellationToken);
        var found = await (
                from token in db.RefreshTokens
                join family in db.RefreshTokenFamilies on token.FamilyId equals family.Id
                where token.TokenHash == hash
                select new { token.ExpiresAt, token.UsedAt, family.Id, family.UserId, family.RevokedAt })
            .SingleOrDefaultAsync(cancellationToken);

        if (found is null)
        {
            throw SessionErrors.InvalidRefreshTokenError();
        }

        if (claimed == 0 && !WithinLeeway(found.UsedAt, now))
        {
            await RevokeFamilyAsync(found.Id, RevocationReasons.Reuse, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            revocations.Pulse();
            throw SessionErrors.ReusedError();
        }

        if (found.RevokedAt is not null)
        {
            throw SessionErrors.InvalidRefreshTokenError();
        }

        if (found.ExpiresAt <= now)
        {
            throw SessionErrors.InvalidRefreshTokenError();
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == found.UserId, cancellationToken)
            ?? throw SessionErrors.InvalidRefreshTokenError();
        var session = await IssueAsync(user, found.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    private bool WithinLeeway(DateTimeOffset? usedAt, DateTimeOffset now)
        => usedAt is { } used && now - used <= options.Value.RefreshReuseLeeway && options.Value.RefreshReuseLeeway > TimeSpan.Zero;

    /// <summary>Ends the session the refresh token belongs to; ending an ended session is no error.</summary>
    public async Task LogoutAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        var hash = RefreshTokens.Hash(refreshToken) ?? throw SessionErrors.InvalidRefreshTokenError();
        var familyId = await db.RefreshTokens
            .Where(token => token.TokenHash == hash)
            .Select(token => (Guid?)token.FamilyId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw SessionErrors.InvalidRefreshTokenError();
        await RevokeFamilyAsync(familyId, RevocationReasons.Logout, cancellationToken);
        revocations.Pulse();
    }

    /// <summary>
    /// Ends every session of a user. The caller runs it in its own transaction, so it pulses
    /// <see cref="RevocationSignal"/> once that is committed: watchers woken earlier would not see the rows.
    /// </summary>
    public Task RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokenFamilies
            .Where(family => family.UserId == userId && family.RevokedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevokedReason, reason), cancellationToken);
    }

    private Task RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokenFamilies
            .Where(family => family.Id == familyId && family.RevokedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevokedReason, reason), cancellationToken);
    }

    private async Task<IssuedSession> IssueAsync(User user, Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var refreshToken = RefreshTokens.Create();
        var expiresAt = now + options.Value.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            FamilyId = familyId,
            TokenHash = RefreshTokens.Hash(refreshToken)!,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        var access = await accessTokens.IssueAsync(user, familyId, cancellationToken);
        return new IssuedSession(user, access.Token, access.ExpiresAt, refreshToken, expiresAt);
    }
}
