using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Testing.Redis;

/// <summary>
/// A throwaway Redis server for one test class, from the local <c>redis-server</c> binary
/// (./shop test installs it). <see cref="Available"/> is false when the binary is missing.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        ConnectionString = $"127.0.0.1:{port},abortConnect=false";
    }

    public const string MissingReason = "redis-server is not installed (./shop test installs it as root); the Redis backplane test needs a real server.";

    public static bool Available => Binary() is not null;

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Binary() ?? throw new InvalidOperationException(MissingReason);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return new RedisServer(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private static string? Binary()
        => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
