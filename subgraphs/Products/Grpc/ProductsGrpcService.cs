using Grpc.Core;
using Shop.Products.Catalog;
using Shop.ServiceDefaults;
using Shop.Domain;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Grpc;

/// <summary>Catalog lookups for other services: products by id, archived ones included, with their active flag.</summary>
/// <remarks>Callers: orders, which prices and checks the lines of an order being placed.</remarks>
[AllowedCallers(ShopServices.Orders)]
public sealed class ProductsGrpcService(ProductCatalog catalog) : ProductsService.ProductsServiceBase
{
    public const int MaxIds = 500;

    public override async Task<GetProductsResponse> GetProducts(GetProductsRequest request, ServerCallContext context)
    {
        if (request.Ids.Count > MaxIds)
        {
            throw GrpcErrors.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxIds} products at a time.");
        }

        var ids = new List<Guid>(request.Ids.Count);
        foreach (var value in request.Ids)
        {
            ids.Add(GrpcErrors.ParseId(value, "ids"));
        }

        var products = await catalog.GetManyAsync(ids, context.CancellationToken);
        var response = new GetProductsResponse();
        response.Products.AddRange(products.Select(product => new Product
        {
            Id = product.Id.ToString(),
            Sku = product.Sku,
            Name = product.Name,
            Price = product.Price.ToMoney(Prices.Currency),
            Active = product.Active,
        }));
        return response;
    }
}
