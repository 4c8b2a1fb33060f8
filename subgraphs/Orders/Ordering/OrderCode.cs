using System.Security.Cryptography;

namespace Shop.Orders.Ordering;

/// <summary>
/// Order codes customers can read out on the phone: <c>SHP-</c> and eight characters of Crockford's
/// base32 (no I, L, O or U), about 40 random bits; storage's unique index catches the rare clash.
/// </summary>
public static class OrderCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SHP-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Upper-cases and trims what a customer typed; null when it cannot be a code.</summary>
    public static string? Normalize(string? text)
    {
        var code = text?.Trim().ToUpperInvariant();
        return code is { Length: 13 } && code.StartsWith("SHP-", StringComparison.Ordinal) && code[8] == '-'
            && code.Where((c, i) => i is not (0 or 1 or 2 or 3 or 8)).All(c => Alphabet.Contains(c))
            ? code
            : null;
    }
}
