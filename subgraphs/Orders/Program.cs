using Shop.GraphQL.Federation;
using Shop.Orders;

// Settings files sit next to the assembly, wherever the service is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddOrders();

var app = builder.Build();
app.MapOrders();

await app.RunOrPrintSdlAsync(args);
