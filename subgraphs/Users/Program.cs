using Shop.GraphQL.Federation;
using Shop.Users;

// Settings files sit next to the assembly, wherever the service is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddUsers();

var app = builder.Build();
app.MapUsers();

await app.RunOrPrintSdlAsync(args);
