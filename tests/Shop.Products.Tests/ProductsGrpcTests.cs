using Grpc.Core;
using Shop.Products.Grpc;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Tests;

public sealed class ProductsGrpcTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    [Fact]
    public async Task GetProducts_ReturnsKnownProductsWithPriceAndActiveFlag()
    {
        var active = await products.CreateProductAsync("GRPC-1", "Phin Filter", price: 95_000);
        var archived = await products.CreateProductAsync("GRPC-2", "Old Kettle", price: 1_290_000, active: false);
        var request = new GetProductsRequest { Ids = { archived.Id.ToString(), Guid.NewGuid().ToString(), active.Id.ToString(), active.Id.ToString() } };

        var reply = await products.ProductsGrpc().GetProductsAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal([archived.Id.ToString(), active.Id.ToString()], reply.Products.Select(p => p.Id));
        var (first, second) = (reply.Products[0], reply.Products[1]);
        Assert.Equal(("GRPC-2", "Old Kettle", false), (first.Sku, first.Name, first.Active));
        Assert.Equal(("VND", 1_290_000L, 0), (first.Price.CurrencyCode, first.Price.Units, first.Price.Nanos));
        Assert.Equal((true, 95_000m), (second.Active, second.Price.ToDecimal()));
    }

    [Fact]
    public async Task GetProducts_MalformedIdOrTooMany_IsAnInvalidArgument()
    {
        var client = products.ProductsGrpc();

        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetProductsAsync(new GetProductsRequest { Ids = { "GRPC-1" } }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        var tooMany = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetProductsAsync(new GetProductsRequest { Ids = { Enumerable.Range(0, 501).Select(_ => Guid.NewGuid().ToString()) } }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_ID"), (malformed.StatusCode, malformed.Reason()));
        Assert.Equal((StatusCode.InvalidArgument, "TOO_MANY_IDS"), (tooMany.StatusCode, tooMany.Reason()));
    }
}
