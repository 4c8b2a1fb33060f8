using System.Text.RegularExpressions;
using Shop.Payments.ZaloPay;

namespace Shop.Payments.Tests.Domain;

public sealed class ZaloPayIdsTests
{
    [Fact]
    public void NewAppTransId_StartsWithTheDateInVietnam()
    {
        // 17:30 UTC on 1 December is 00:30 on 2 December in Vietnam (UTC+7).
        var id = ZaloPayIds.NewAppTransId("SHP-7K3F-9Q2M", 1, new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero));

        Assert.Matches(new Regex("^261202_SHP7K3F9Q2M_1[0-9A-Z]{8}$"), id);
    }

    [Fact]
    public void NewAppTransId_StaysWithinZaloPaysLimitAndIsUnique()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 1000).Select(_ => ZaloPayIds.NewAppTransId("SHP-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", 12, at)).ToList();

        Assert.All(ids, id => Assert.InRange(id.Length, 1, ZaloPayIds.MaxLength));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void NewRefundId_HasZaloPaysFormat()
        => Assert.Matches(new Regex("^261202_2553_[0-9A-Z]{12}$"), ZaloPayIds.NewRefundId(2553, new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero)));
}
