namespace Shop.Users.Data;

public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>As the user typed it (trimmed); shown back to them.</summary>
    public required string Email { get; set; }

    /// <summary>Lower-cased email, unique: two accounts never differ only in case.</summary>
    public required string NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string? Phone { get; set; }

    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
