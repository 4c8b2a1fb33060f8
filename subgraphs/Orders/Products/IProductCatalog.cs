namespace Shop.Orders.Products;

/// <summary>The products service as orders need it: names, prices and availability at placement.</summary>
public interface IProductCatalog
{
    /// <summary>The products found among <paramref name="ids"/>; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<Guid, CatalogProduct>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

public sealed record CatalogProduct(Guid Id, string Name, decimal Price, bool Active);
