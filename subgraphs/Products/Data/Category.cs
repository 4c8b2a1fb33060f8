namespace Shop.Products.Data;

public sealed class Category
{
    public Guid Id { get; set; }

    /// <summary>URL-safe unique name, such as <c>coffee-and-tea</c>; never changes.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
