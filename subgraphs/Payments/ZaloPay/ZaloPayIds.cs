using System.Globalization;
using System.Security.Cryptography;

namespace Shop.Payments.ZaloPay;

/// <summary>
/// Transaction ids as ZaloPay wants them: prefixed with the date in Vietnam (UTC+7, where ZaloPay
/// reconciles by day), at most 40 characters. A random tail keeps them unique across databases and
/// merchants sharing ZaloPay's public sandbox app.
/// </summary>
public static class ZaloPayIds
{
    public const int MaxLength = 40;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary><c>yyMMdd_{order code without dashes}_{attempt}{random}</c>, e.g. <c>261202_SHP7K3F9Q2M_1X4K2P9QH</c>.</summary>
    public static string NewAppTransId(string orderCode, int attempt, DateTimeOffset at)
    {
        // The order code is there for people reading ZaloPay's reports; the random tail makes it unique.
        var code = new string([.. orderCode.Where(char.IsAsciiLetterOrDigit).Take(20)]);
        return $"{VietnamDate(at)}_{code}_{Math.Min(attempt, 999).ToString(CultureInfo.InvariantCulture)}{Random(8)}";
    }

    /// <summary><c>yyMMdd_{app id}_{random}</c>, the m_refund_id format ZaloPay prescribes.</summary>
    public static string NewRefundId(int appId, DateTimeOffset at)
        => $"{VietnamDate(at)}_{appId.ToString(CultureInfo.InvariantCulture)}_{Random(12)}";

    public static string VietnamDate(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
