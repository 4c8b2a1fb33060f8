using System.Diagnostics;
using Shop.Testing.Hosting;

namespace Shop.Testing.Platform;

/// <summary>The Hive Gateway (gateway/src/server.mjs) as a child process on a free port.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private GatewayProcess(ChildProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The node process's id, for readings from <c>/proc/&lt;pid&gt;</c> (benchmarks report its memory).</summary>
    public int ProcessId => _process.Id;

    public Uri GraphQLAddress => new(Address, "/graphql");

    public Uri WebSocketAddress => new($"ws://{Address.Authority}/graphql");

    /// <summary>The last lines the gateway printed, for failure messages.</summary>
    public string RecentOutput => _process.RecentOutput;

    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var repository = RepositoryRoot.Find();
        // A caller that must name the gateway's address before it starts (a callback URL) fixes the port.
        var port = environment.TryGetValue("GATEWAY_PORT", out var fixedPort)
            ? int.Parse(fixedPort, System.Globalization.CultureInfo.InvariantCulture)
            : FreePort.Next();
        var start = new ProcessStartInfo("node", [Path.Combine(repository, "gateway", "src", "server.mjs")])
        {
            WorkingDirectory = Path.Combine(repository, "gateway"),
        };
        start.Environment["GATEWAY_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GATEWAY_HOST"] = "127.0.0.1";
        start.Environment["SUPERGRAPH_PATH"] = Path.Combine(repository, "supergraph.graphql");
        start.Environment["LOG_LEVEL"] = "warn";
        // Metrics listen on a port of their own (9464 by default); gateways started side by side take any free one.
        start.Environment["METRICS_PORT"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        return new GatewayProcess(await ChildProcess.StartAsync(start, "The gateway", new Uri(address, "/readiness")), address);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
