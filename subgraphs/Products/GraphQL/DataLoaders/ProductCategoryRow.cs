using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

/// <summary>A category of a product, as <see cref="CategoriesByProductIdDataLoader"/> reads it.</summary>
public sealed record ProductCategoryRow(Guid ProductId, Category Category);
