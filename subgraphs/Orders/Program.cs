using Shop.GraphQL.Federation;
using Shop.Orders;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrders();

var app = builder.Build();
app.MapOrders();

await app.RunOrPrintSdlAsync(args);
