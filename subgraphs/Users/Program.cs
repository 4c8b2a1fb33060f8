using Shop.GraphQL.Federation;
using Shop.Users;

// Settings files sit next to the assembly; ./shop starts services from the repository root.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddUsers();

var app = builder.Build();
app.MapUsers();

await app.RunOrPrintSdlAsync(args);
