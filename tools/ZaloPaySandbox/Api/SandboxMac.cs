using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>
/// ZaloPay's signatures: lowercase hex HMAC-SHA256 over a '|'-joined input. Written apart from the
/// payments service's own ZaloPayMac on purpose, so a shared mistake cannot make both sides agree.
/// </summary>
public static class SandboxMac
{
    public static string Sign(string key, string input)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(input)));

    /// <summary>Whether <paramref name="mac"/> signs <paramref name="input"/>; bytes compared in constant time.</summary>
    public static bool Verify(string key, string input, string? mac)
    {
        // ZaloPay's macs are lowercase; an uppercase one is a different string and refused.
        if (mac is not { Length: 64 } || mac.Any(char.IsAsciiLetterUpper))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(mac, given, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(input));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
