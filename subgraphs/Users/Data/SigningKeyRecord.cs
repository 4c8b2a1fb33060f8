namespace Shop.Users.Data;

/// <summary>A generated token-signing key, kept so a restart (or another instance) signs and validates alike.</summary>
public sealed class SigningKeyRecord
{
    public required string KeyId { get; set; }

    public required string Algorithm { get; set; }

    public required string PrivateKeyPem { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
