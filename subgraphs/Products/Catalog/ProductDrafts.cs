namespace Shop.Products.Catalog;

/// <summary>A new product as an admin typed it; <see cref="ProductRules"/> checks and normalises it.</summary>
public sealed record NewProduct(
    string Sku,
    string Name,
    string? Description,
    string Price,
    IReadOnlyList<Guid> CategoryIds,
    IReadOnlyList<ImageDraft> Images,
    bool Active = true);

/// <summary>Changes to a product; null leaves a field as it is, a list replaces the whole list.</summary>
public sealed record ProductChanges(
    Guid Id,
    string? Sku = null,
    string? Name = null,
    string? Description = null,
    string? Price = null,
    IReadOnlyList<Guid>? CategoryIds = null,
    IReadOnlyList<ImageDraft>? Images = null,
    bool? Active = null);

public sealed record ImageDraft(string Url, string? AltText, bool Primary);
