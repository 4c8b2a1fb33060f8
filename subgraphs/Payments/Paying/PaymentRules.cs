using System.Text.RegularExpressions;
using Shop.Domain;

namespace Shop.Payments.Paying;

/// <summary>What a payment request must look like before ZaloPay is asked.</summary>
public static partial class PaymentRules
{
    /// <summary>ZaloPay's limit on an order description.</summary>
    public const int MaxDescriptionLength = 256;

    /// <summary>Reasons (cancellation, refund) are kept short: ZaloPay's refund description takes 100.</summary>
    public const int MaxReasonLength = 100;

    /// <summary>Far above any basket, far below what a long holds: a sanity bound, not a business limit.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static string CheckedCode(string? code)
        => code?.Trim() is { } trimmed && OrderCodeShape().IsMatch(trimmed)
            ? trimmed
            : throw Invalid(PaymentErrors.InvalidText, "An order code is 1 to 32 letters, digits or dashes.", "orderCode");

    public static long CheckedAmount(decimal amount, string? currency)
    {
        if (currency != Prices.Currency)
        {
            throw Invalid(PaymentErrors.InvalidAmount, $"ZaloPay takes {Prices.Currency} only, not '{currency}'.", "amount");
        }

        if (amount <= 0 || amount > MaxAmount || amount != decimal.Truncate(amount))
        {
            throw Invalid(PaymentErrors.InvalidAmount, "An amount is a positive whole number of đồng (VND has no minor unit).", "amount");
        }

        return (long)amount;
    }

    /// <summary>Trimmed printable text (no control characters, no lone surrogates), or <paramref name="fallback"/> when blank.</summary>
    public static string CheckedText(string? text, int maxLength, string field, string fallback)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return fallback;
        }

        return trimmed.Length <= maxLength && !trimmed.Any(char.IsControl) && !HasLoneSurrogate(trimmed)
            ? trimmed
            : throw Invalid(PaymentErrors.InvalidText, $"'{field}' is at most {maxLength} characters of printable text.", field);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static DomainException Invalid(string code, string message, string field) => new(new DomainError(code, message, field));

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex OrderCodeShape();
}
