namespace Shop.Users.Sessions;

/// <summary>
/// A session that was revoked, and when the last access token issued for it expires at the latest:
/// after that no token carries its id, so a watcher can forget it.
/// </summary>
public sealed record RevokedSession(Guid SessionId, DateTimeOffset RevokedAt, DateTimeOffset TokensExpireBy);
