using Shop.GraphQL.Federation;
using Shop.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddUsers();

var app = builder.Build();
app.MapUsers();

await app.RunOrPrintSdlAsync(args);
