using System.Globalization;
using System.Net.Sockets;

namespace Shop.Bench.Orchestrator;

/// <summary>Whether anything listens at the Temporal frontend, before a platform is started against it.</summary>
internal static class TemporalProbe
{
    public const string AddressVariable = "TEMPORAL_ADDRESS";

    public static string Address => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address ? address : "127.0.0.1:7233";

    /// <summary>True when a TCP connection to <paramref name="address"/> (<c>host:port</c>) opens within two seconds.</summary>
    public static async Task<bool> AnswersAsync(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(address[..colon].Trim('[', ']'), port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
