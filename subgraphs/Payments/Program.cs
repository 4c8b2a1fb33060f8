using Shop.GraphQL.Federation;
using Shop.Payments;

// Settings files sit next to the assembly, wherever the service is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPayments();

var app = builder.Build();
app.MapPayments();

await app.RunOrPrintSdlAsync(args);
