using System.Text.Json;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.GraphQL.Federation;

/// <summary>The subgraph SDL exactly as a federation gateway fetches it through <c>_service { sdl }</c>.</summary>
public static class SchemaSdl
{
    public static async Task<string> PrintAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        if (schema.Query.GetField("_service") is null)
        {
            return schema.Print();
        }

        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        await using var scope = services.CreateAsyncScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ _service { sdl } }",
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellationToken,
        });

        using var json = JsonDocument.Parse(serializer.Serialize(result));
        return json.RootElement.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
    }

    /// <summary>
    /// Runs the service, or, given <c>--print-sdl [path]</c>, writes its SDL to the path (or
    /// standard output) and exits without listening. Composition uses this; no database is touched.
    /// </summary>
    public static async Task RunOrPrintSdlAsync(this WebApplication app, string[] args)
    {
        var flag = Array.IndexOf(args, "--print-sdl");
        if (flag < 0)
        {
            await app.RunAsync();
            return;
        }

        var sdl = await PrintAsync(app.Services);
        if (flag + 1 < args.Length)
        {
            await File.WriteAllTextAsync(args[flag + 1], sdl);
        }
        else
        {
            await Console.Out.WriteAsync(sdl);
        }
    }
}
