using System.Net;
using System.Net.Sockets;

namespace Shop.Users.Sessions;

/// <summary>The throttle key of a client: its IPv4 address, or its IPv6 /64 (one subscriber's usual allocation).</summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext? context) => Of(context?.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
