using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Products.Data;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Products.Catalog;

/// <summary>Creating and renaming categories. A slug never changes once given, so links stay valid.</summary>
public sealed class CategoryCatalog(ProductsDbContext db, TimeProvider clock)
{
    public async Task<Category> CreateCategoryAsync(string? slug, string? name, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var validSlug = CategoryRules.Slug(slug, errors);
        var validName = CategoryRules.Name(name, errors);
        if (validSlug is not null && await db.Categories.AnyAsync(c => c.Slug == validSlug, cancellationToken))
        {
            errors.Add(SlugTaken(validSlug));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var now = clock.Now();
        var category = new Category { Id = Guid.CreateVersion7(), Slug = validSlug!, Name = validName!, CreatedAt = now, UpdatedAt = now };
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainException(SlugTaken(validSlug!));
        }

        return category;
    }

    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken)
        => await db.Categories.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public async Task<Category> RenameCategoryAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var validName = CategoryRules.Name(name, errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException(new DomainError(IdErrors.NotFound, $"There is no category {id}.", "id"));
        if (category.Name != validName)
        {
            category.Name = validName!;
            category.UpdatedAt = clock.Now();
            await db.SaveChangesAsync(cancellationToken);
        }

        return category;
    }

    private static DomainError SlugTaken(string slug) => new(CatalogErrors.SlugTaken, $"Another category already has the slug \"{slug}\".", "slug");
}
