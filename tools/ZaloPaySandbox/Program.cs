using Shop.ZaloPaySandbox;

var builder = WebApplication.CreateBuilder(args);
builder.UseZaloPaySandboxUrls();
builder.Services.AddZaloPaySandbox(builder.Configuration);

var app = builder.Build();
app.MapZaloPaySandbox();

await app.RunAsync();
