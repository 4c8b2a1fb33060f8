namespace Shop.Bench;

/// <summary>Percentiles of measured values, by the nearest-rank method every suite reports with.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="p"/>-th percentile (0-100] of <paramref name="sorted"/>, ascending; 0 when there are none.</summary>
    public static double Of(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p / 100 * sorted.Length) - 1)];
}
