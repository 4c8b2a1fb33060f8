using Shop.GraphQL.Federation;
using Shop.Products;

var builder = WebApplication.CreateBuilder(args);
builder.AddProducts();

var app = builder.Build();
app.MapProducts();

await app.RunOrPrintSdlAsync(args);
