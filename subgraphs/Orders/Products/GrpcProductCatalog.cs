using Grpc.Core;
using Shop.Orders.Ordering;
using Shop.Products.Grpc;
using Shop.Domain;

namespace Shop.Orders.Products;

/// <summary>Reads products over the products service's internal gRPC API.</summary>
public sealed class GrpcProductCatalog(ProductsService.ProductsServiceClient client) : IProductCatalog
{
    public async Task<IReadOnlyDictionary<Guid, CatalogProduct>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var request = new GetProductsRequest();
        request.Ids.AddRange(ids.Select(id => id.ToString()));
        GetProductsResponse response;
        try
        {
            response = await client.GetProductsAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new DomainException(new DomainError(OrderErrors.CatalogUnavailable, "The catalog cannot be reached right now; nothing was ordered. Try again shortly."));
        }

        return response.Products.ToDictionary(
            product => Guid.Parse(product.Id),
            product => new CatalogProduct(Guid.Parse(product.Id), product.Name, product.Price.ToDecimal(), product.Active));
    }
}
