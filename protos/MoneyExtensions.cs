using Shop.Common.Grpc;

namespace Shop;

/// <summary>Exact conversion between <see cref="decimal"/> amounts and the wire <see cref="Money"/>.</summary>
public static class MoneyExtensions
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>Packs an amount into units and nanos; throws when it has more than nine decimals.</summary>
    public static Money ToMoney(this decimal amount, string currencyCode)
    {
        var units = decimal.Truncate(amount);
        var nanos = (amount - units) * NanosPerUnit;
        if (nanos != decimal.Truncate(nanos))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money has at most nine decimal places.");
        }

        return new Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)nanos };
    }

    /// <summary>Unpacks the exact decimal amount.</summary>
    public static decimal ToDecimal(this Money money) => money.Units + (money.Nanos / NanosPerUnit);
}
