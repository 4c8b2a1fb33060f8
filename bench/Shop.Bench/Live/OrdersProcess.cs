using System.Diagnostics;
using System.Globalization;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Hosting;
using Shop.Testing.Platform;
using Shop.Testing.Security;

namespace Shop.Bench.Live;

/// <summary>
/// The orders service as deployed, in a process of its own (its built Shop.Orders.dll, Production
/// environment, settings from environment variables), so its resident memory is its own and not the
/// load generator's. It serves its certificate from <see cref="TestCertificates"/>, like the
/// in-process services it calls and is called by.
/// </summary>
internal sealed class OrdersProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private OrdersProcess(ChildProcess process, int httpPort, int grpcPort)
    {
        _process = process;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"https://127.0.0.1:{grpcPort}");
    }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public Uri GraphQLAddress => new(HttpAddress, "/graphql");

    public int ProcessId => _process.Id;

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts the service on <paramref name="connectionString"/> and returns once it reports ready.</summary>
    public static async Task<OrdersProcess> StartAsync(string connectionString, Uri jwks, Uri productsGrpc)
    {
        // The service built with the same configuration as this benchmark (bin/Release/net10.0/).
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryRoot.Find(), "subgraphs", "Orders", "bin", output.Parent!.Name, output.Name, "Shop.Orders.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The orders service is not built at {dll}.", dll);
        }

        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)! };
        var settings = new Dictionary<string, string?>(TestCertificates.Shared.Settings(ShopServices.Orders))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Shop:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Shop:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Shop:BindAddress"] = "127.0.0.1",
            ["ConnectionStrings:orders"] = connectionString,
            ["Shop:Auth:JwksUrl"] = jwks.ToString(),
            ["Shop:Services:products:Grpc"] = productsGrpc.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = await ChildProcess.StartAsync(start, "The orders service", new Uri($"http://127.0.0.1:{httpPort}/health/ready"));
        return new OrdersProcess(process, httpPort, grpcPort);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
