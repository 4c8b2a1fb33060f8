using Shop.GraphQL.Federation;
using Shop.Products;

// Settings files sit next to the assembly, wherever the service is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddProducts();

var app = builder.Build();
app.MapProducts();

await app.RunOrPrintSdlAsync(args);
