namespace Shop.Users.Tests;

/// <summary>
/// A users service where any repeat of a used refresh token is reuse, idle revocation streams beat
/// every second, and streams poll for other instances' revocations only every 3 s (so a test can
/// tell a wake-up from a poll).
/// </summary>
public sealed class RevocationUsersHost : UsersHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Shop:Users:RefreshReuseLeeway"] = "00:00:00",
        ["Shop:Users:RevocationHeartbeat"] = "00:00:01",
        ["Shop:Users:RevocationPollInterval"] = "00:00:03",
    };
}
