using Shop.GraphQL.Relay;
using Shop.Domain;

namespace Shop.GraphQL.Tests;

public sealed class PricesAndCursorTests
{
    [Theory]
    [InlineData("129000", 129000)]
    [InlineData("0", 0)]
    [InlineData("1000000000", 1000000000)]
    [InlineData("129000.0", 129000)]
    public void Parse_WholeDong_IsAccepted(string text, long expected)
    {
        Assert.Equal(expected, Prices.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1000000001")]
    public void Parse_AnythingElse_IsRefusedWithAReason(string? text)
    {
        Assert.Null(Prices.Parse(text, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_DropsTrailingZeroDecimals_SoEveryReadShowsTheSameAmount()
        => Assert.Equal("129000", Prices.Parse("129000.00", out _)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Format_UsesVietnameseGrouping() => Assert.Equal("1.290.000 ₫", Prices.Format(1_290_000m));

    [Fact]
    public void Cursor_RoundTrips_AndRefusesForgeries()
    {
        var cursor = Cursor.Encode(new[] { "a", "b" });

        Assert.True(Cursor.TryDecode<string[]>(cursor, out var key));
        Assert.Equal(["a", "b"], key!);
        Assert.False(Cursor.TryDecode<string[]>("%%%", out _));
        Assert.False(Cursor.TryDecode<string[]>(Cursor.Encode(42), out _));
    }
}
