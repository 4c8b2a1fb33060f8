using Shop.Orchestrator;

// Settings files sit next to the assembly, wherever the worker is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddOrchestrator();

var app = builder.Build();
app.MapOrchestrator();

await app.RunAsync();
