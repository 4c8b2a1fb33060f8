using System.Globalization;

namespace Shop.Domain;

/// <summary>
/// Shop prices are whole Vietnamese đồng (VND has no minor unit, and ZaloPay takes integer amounts),
/// held as <see cref="decimal"/> so arithmetic is exact.
/// </summary>
public static class Prices
{
    public const string Currency = "VND";

    /// <summary>Largest accepted price of one unit: one billion đồng.</summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    // Vietnamese grouping ("129.000"), spelled out: the services run with invariant globalization.
    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>Reads a price such as "129000"; null with a reason when it is not a valid price.</summary>
    public static decimal? Parse(string? text, out string? error)
    {
        error = null;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = "A price is a decimal number of đồng, such as \"129000\".";
            return null;
        }

        if (amount != decimal.Truncate(amount))
        {
            error = "VND has no minor unit: a price is a whole number of đồng.";
            return null;
        }

        if (amount > MaxUnitPrice)
        {
            error = $"A price is at most {MaxUnitPrice.ToString(CultureInfo.InvariantCulture)} đồng.";
            return null;
        }

        // Whole đồng with scale 0, so "129000.0" reads back as "129000" everywhere.
        return decimal.Truncate(amount);
    }

    public static string Format(decimal amount) => amount.ToString("#,0", Vietnamese) + " ₫";
}
