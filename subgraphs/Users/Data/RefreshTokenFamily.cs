namespace Shop.Users.Data;

/// <summary>One sign-in session: the chain of refresh tokens rotated from one login.</summary>
public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why the session ended: logout, reuse, password-change.</summary>
    public string? RevokedReason { get; set; }
}
