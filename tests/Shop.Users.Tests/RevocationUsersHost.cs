namespace Shop.Users.Tests;

/// <summary>A users service where any repeat of a used refresh token is reuse, and idle revocation streams beat every second.</summary>
public sealed class RevocationUsersHost : UsersHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Shop:Users:RefreshReuseLeeway"] = "00:00:00",
        ["Shop:Users:RevocationHeartbeat"] = "00:00:01",
    };
}
