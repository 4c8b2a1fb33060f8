using System.Diagnostics;

namespace Shop.Testing.Platform;

/// <summary>The Hive Gateway (gateway/src/server.mjs) as a child process on a free port.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The node process's id, for readings from <c>/proc/&lt;pid&gt;</c> (benchmarks report its memory).</summary>
    public int ProcessId => _process.Id;

    public Uri GraphQLAddress => new(Address, "/graphql");

    public Uri WebSocketAddress => new($"ws://{Address.Authority}/graphql");

    /// <summary>The last lines the gateway printed, for failure messages.</summary>
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
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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

        var gateway = new GatewayProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await gateway.WaitReadyAsync();
        return gateway;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited ({_process.ExitCode}):\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync("/readiness");
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

        throw new TimeoutException($"The gateway did not become ready:\n{RecentOutput}");
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
