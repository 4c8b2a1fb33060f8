namespace Shop.Users.Data;

public sealed class Address
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string RecipientName { get; set; }

    public string? Phone { get; set; }

    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string CountryCode { get; set; }

    /// <summary>At most one per user; a partial unique index holds the database to it.</summary>
    public bool IsDefault { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
