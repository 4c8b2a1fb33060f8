using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Data;
using Shop.Products.Grpc;

namespace Shop.Products.Tests;

public sealed class SetStockTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private const string SetStock = """
        mutation ($input: SetStockInput!) {
          setStock(input: $input) {
            product { stock { available total reserved } }
            adjustment { previousTotal newTotal reason actorId }
            errors { code field }
          }
        }
        """;

    [Fact]
    public async Task SetStock_NewTotal_IsStoredWithItsReasonAndAdmin()
    {
        var product = await products.CreateProductAsync("STOCK-1", stock: 4);
        var adminId = Guid.NewGuid();

        var payload = (await products.Admin(adminId).PostAsync(SetStock, new { input = new { productId = product.Id, total = 25, reason = " Delivery 17 " } })).Field("setStock");

        var stock = payload.GetProperty("product").GetProperty("stock");
        var adjustment = payload.GetProperty("adjustment");
        Assert.Equal((25, 25, 0), (stock.GetProperty("total").GetInt32(), stock.GetProperty("available").GetInt32(), stock.GetProperty("reserved").GetInt32()));
        Assert.Equal((4, 25, "Delivery 17"), (adjustment.GetProperty("previousTotal").GetInt32(), adjustment.GetProperty("newTotal").GetInt32(), adjustment.Str("reason")));
        Assert.Equal(adminId.ToString(), adjustment.Str("actorId"));
        var recorded = await products.InScopeAsync(services => services.GetRequiredService<ProductsDbContext>().StockAdjustments
            .Where(a => a.ProductId == product.Id).OrderBy(a => a.CreatedAt).Select(a => a.Reason).ToListAsync());
        Assert.Equal(["Test stock", "Delivery 17"], recorded);
    }

    [Fact]
    public async Task SetStock_TwiceInOneDocument_EachPayloadShowsItsOwnStock()
    {
        var product = await products.CreateProductAsync("STOCK-TWICE", stock: 1);
        const string Twice = """
            mutation ($id: ID!) {
              first: setStock(input: { productId: $id, total: 5, reason: "Count" }) { product { stock { total } } }
              second: setStock(input: { productId: $id, total: 9, reason: "Recount" }) { product { stock { total } } }
            }
            """;

        var response = await products.Admin().PostAsync(Twice, new { id = product.Id });

        var data = response.EnsureNoErrors().Data;
        Assert.Equal(5, data.GetProperty("first").GetProperty("product").GetProperty("stock").GetProperty("total").GetInt32());
        Assert.Equal(9, data.GetProperty("second").GetProperty("product").GetProperty("stock").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(-1, "Count", "INVALID_QUANTITY")]
    [InlineData(1_000_000_001, "Count", "INVALID_QUANTITY")]
    [InlineData(5, "  ", "INVALID_REASON")]
    public async Task SetStock_InvalidInput_IsRefused(int total, string reason, string code)
    {
        var product = await products.CreateProductAsync("STOCK-" + Guid.NewGuid().ToString("N")[..6], stock: 3);

        var payload = (await products.Admin().PostAsync(SetStock, new { input = new { productId = product.Id, total, reason } })).Field("setStock");

        Assert.Equal([code], payload.Codes());
        Assert.Equal(3, (await products.StockAsync(product.Id)).Total);
    }

    [Fact]
    public async Task SetStock_BelowWhatOrdersHold_IsRefused()
    {
        var product = await products.CreateProductAsync("STOCK-HELD", stock: 10);
        var request = new ReserveRequest { OrderId = Guid.NewGuid().ToString() };
        request.Lines.Add(new Grpc.ReservationLine { ProductId = product.Id.ToString(), Quantity = 6 });
        await products.Inventory().ReserveAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));

        var refused = (await products.Admin().PostAsync(SetStock, new { input = new { productId = product.Id, total = 5, reason = "Breakage" } })).Field("setStock");
        var allowed = (await products.Admin().PostAsync(SetStock, new { input = new { productId = product.Id, total = 6, reason = "Breakage" } })).Field("setStock");

        Assert.Equal(["STOCK_BELOW_RESERVED"], refused.Codes());
        Assert.Empty(allowed.Codes());
        var stock = await products.StockAsync(product.Id);
        Assert.Equal((6, 6), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task SetStock_UnknownOrMalformedProduct_IsRefused()
    {
        var unknown = (await products.Admin().PostAsync(SetStock, new { input = new { productId = Guid.NewGuid(), total = 1, reason = "x" } })).Field("setStock");
        var malformed = (await products.Admin().PostAsync(SetStock, new { input = new { productId = "abc", total = 1, reason = "x" } })).Field("setStock");

        Assert.Equal(["NOT_FOUND"], unknown.Codes());
        Assert.Equal(["INVALID_ID"], malformed.Codes());
    }
}
