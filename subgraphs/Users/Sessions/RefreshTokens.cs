using System.Buffers.Text;
using System.Security.Cryptography;

namespace Shop.Users.Sessions;

/// <summary>Opaque refresh tokens: 256 random bits in base64url; only their SHA-256 is stored.</summary>
public static class RefreshTokens
{
    public const int SizeInBytes = 32;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SizeInBytes));

    /// <summary>The stored form of a token, or null when the text cannot be a token this service issued.</summary>
    public static byte[]? Hash(string? token)
    {
        if (token is null || token.Length != Base64Url.GetEncodedLength(SizeInBytes))
        {
            return null;
        }

        Span<byte> raw = stackalloc byte[SizeInBytes];
        if (!Base64Url.TryDecodeFromChars(token, raw, out var written) || written != SizeInBytes)
        {
            return null;
        }

        return SHA256.HashData(raw);
    }
}
