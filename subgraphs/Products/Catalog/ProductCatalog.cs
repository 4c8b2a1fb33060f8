using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Products.Data;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Products.Catalog;

/// <summary>Creating and changing products: every rule of a valid product is checked here, once.</summary>
public sealed class ProductCatalog(ProductsDbContext db, TimeProvider clock)
{
    public async Task<Product> CreateProductAsync(NewProduct draft, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var sku = ProductRules.Sku(draft.Sku, errors);
        var name = ProductRules.Name(draft.Name, errors);
        var description = ProductRules.Description(draft.Description, errors);
        var price = ProductRules.Price(draft.Price, errors);
        var categoryIds = ProductRules.CategoryIds(draft.CategoryIds, errors);
        var images = ProductRules.Images(draft.Images, errors);
        await CheckCategoriesExistAsync(categoryIds, errors, cancellationToken);
        if (sku is not null && await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            errors.Add(SkuTaken(sku));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var now = clock.Now();
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Sku = sku!,
            Name = name!,
            Description = description!,
            Price = price!.Value,
            Active = draft.Active,
            CreatedAt = now,
            UpdatedAt = now,
            Stock = new StockLevel { Total = 0, Reserved = 0, UpdatedAt = now },
        };
        product.CategoryLinks.AddRange(categoryIds.Select(id => new ProductCategory { ProductId = product.Id, CategoryId = id }));
        product.Images.AddRange(ToImages(product.Id, images!));
        db.Products.Add(product);
        await SaveAsync(sku!, cancellationToken);
        return product;
    }

    public async Task<Product> UpdateProductAsync(ProductChanges changes, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var sku = changes.Sku is null ? null : ProductRules.Sku(changes.Sku, errors);
        var name = changes.Name is null ? null : ProductRules.Name(changes.Name, errors);
        var description = changes.Description is null ? null : ProductRules.Description(changes.Description, errors);
        var price = changes.Price is null ? null : ProductRules.Price(changes.Price, errors);
        var categoryIds = changes.CategoryIds is null ? null : ProductRules.CategoryIds(changes.CategoryIds, errors);
        var images = changes.Images is null ? null : ProductRules.Images(changes.Images, errors);
        if (categoryIds is not null)
        {
            await CheckCategoriesExistAsync(categoryIds, errors, cancellationToken);
        }

        var product = await db.Products.Include(p => p.Stock).Include(p => p.CategoryLinks).FirstOrDefaultAsync(p => p.Id == changes.Id, cancellationToken)
            ?? throw new DomainException(ProductNotFound(changes.Id));
        if (sku is not null && sku != product.Sku && await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            errors.Add(SkuTaken(sku));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        product.Sku = sku ?? product.Sku;
        product.Name = name ?? product.Name;
        product.Description = description ?? product.Description;
        product.Price = price ?? product.Price;
        product.Active = changes.Active ?? product.Active;
        if (categoryIds is not null)
        {
            product.CategoryLinks.RemoveAll(link => !categoryIds.Contains(link.CategoryId));
            product.CategoryLinks.AddRange(categoryIds
                .Where(id => product.CategoryLinks.All(link => link.CategoryId != id))
                .Select(id => new ProductCategory { ProductId = product.Id, CategoryId = id }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (images is not null)
        {
            // Delete first, in SQL: the new set reuses positions and the primary slot, both unique.
            await db.ProductImages.Where(image => image.ProductId == product.Id).ExecuteDeleteAsync(cancellationToken);
            db.ProductImages.AddRange(ToImages(product.Id, images));
        }

        if (db.ChangeTracker.HasChanges() || images is not null)
        {
            product.UpdatedAt = clock.Now();
        }

        await SaveAsync(product.Sku, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>Takes a product off sale; archiving an archived product changes nothing.</summary>
    public async Task<Product> ArchiveProductAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Stock).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(ProductNotFound(id));
        if (product.Active)
        {
            product.Active = false;
            product.UpdatedAt = clock.Now();
            await db.SaveChangesAsync(cancellationToken);
        }

        return product;
    }

    /// <summary>Products by id, archived ones included, in the order asked; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var found = await db.Products.AsNoTracking().Where(p => distinct.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. distinct.Where(found.ContainsKey).Select(id => found[id])];
    }

    public static DomainError ProductNotFound(Guid id) => new(IdErrors.NotFound, $"There is no product {id}.", "id");

    private static DomainError SkuTaken(string sku) => new(CatalogErrors.SkuTaken, $"Another product already has SKU {sku}.", "sku");

    private async Task CheckCategoriesExistAsync(IReadOnlyList<Guid> ids, List<DomainError> errors, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Categories.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var missing in ids.Except(found))
        {
            errors.Add(new DomainError(IdErrors.NotFound, $"There is no category {missing}.", "categoryIds"));
        }
    }

    private static IEnumerable<ProductImage> ToImages(Guid productId, IReadOnlyList<ImageDraft> images)
        => images.Select((image, position) => new ProductImage
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            Url = image.Url,
            AltText = image.AltText ?? string.Empty,
            Position = position,
            IsPrimary = image.Primary,
        });

    /// <summary>Saves; the unique index settles a race two admins could win at the same moment.</summary>
    private async Task SaveAsync(string sku, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_products_sku" })
        {
            db.ChangeTracker.Clear();
            throw new DomainException(SkuTaken(sku));
        }
    }
}
