using System.Security.Cryptography;
using System.Text;

namespace Shop.Payments.ZaloPay;

/// <summary>ZaloPay's request and callback signatures: lowercase hex HMAC-SHA256 over a '|'-joined input.</summary>
public static class ZaloPayMac
{
    public static string Sign(string key, string input)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(input)));

    /// <summary>Whether <paramref name="mac"/> signs <paramref name="input"/>, compared in constant time.</summary>
    public static bool Verify(string key, string input, string? mac)
    {
        if (mac is not { Length: 64 })
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(mac, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(input));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
