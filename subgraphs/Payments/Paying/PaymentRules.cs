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

    /// <summary>The text checked by the shared <see cref="TextInput"/> rules, or <paramref name="fallback"/> when blank.</summary>
    public static string CheckedText(string? text, int maxLength, string field, string fallback)
    {
        var errors = new List<DomainError>();
        var checkedText = TextInput.Optional(text, field, maxLength, PaymentErrors.InvalidText, errors);
        return errors.Count > 0 ? throw new DomainException(errors) : checkedText ?? fallback;
    }

    private static DomainException Invalid(string code, string message, string field) => new(new DomainError(code, message, field));

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex OrderCodeShape();
}
