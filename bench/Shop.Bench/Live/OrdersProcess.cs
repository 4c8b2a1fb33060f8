using System.Diagnostics;
using System.Globalization;
using Shop.ServiceDefaults;
using Shop.Testing;
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
    private readonly Process _process;
    private readonly List<string> _output = [];

    private OrdersProcess(Process process, int httpPort, int grpcPort)
    {
        _process = process;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"https://127.0.0.1:{grpcPort}");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public Uri GraphQLAddress => new(HttpAddress, "/graphql");

    public int ProcessId => _process.Id;

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

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
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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

        var orders = new OrdersProcess(Process.Start(start)!, httpPort, grpcPort);
        try
        {
            await orders.WaitReadyAsync();
            return orders;
        }
        catch
        {
            await orders.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The orders service exited ({_process.ExitCode}):\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The orders service did not become ready:\n{RecentOutput}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
