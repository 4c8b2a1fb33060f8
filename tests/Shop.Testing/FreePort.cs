using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Shop.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): the OS never hands these to outgoing connections,
    // which could otherwise take a port between the check here and the service binding it.
    private const int First = 20_000;
    private const int Last = 32_000;

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A loopback port that was free a moment ago and was not handed out before in this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!HandedOut.TryAdd(port, true))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by another process; try another.
            }
        }

        throw new InvalidOperationException($"No free loopback port found between {First} and {Last}.");
    }
}
