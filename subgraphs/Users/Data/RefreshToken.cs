namespace Shop.Users.Data;

/// <summary>A refresh token, known only by the SHA-256 of its value.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid FamilyId { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was exchanged for its successor; a second use is a replay.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
