using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Api;

public sealed class RefundTests : SandboxTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sandbox:RefundSettleDelay"] = "00:00:10" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task Refund_PaidOrder_ProcessingThenRefunded()
    {
        var zpTransId = await PaidAsync();
        var mRefundId = Api.NewRefundId();

        var refund = await Api.RefundAsync(mRefundId, zpTransId, 20_000);
        var early = await Api.QueryRefundAsync(mRefundId);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var settled = await Api.QueryRefundAsync(mRefundId);

        Assert.Equal(3, refund.ReturnCode());
        Assert.True(refund.Long("refund_id") > 0);
        Assert.Equal(3, early.ReturnCode());
        Assert.Equal(1, settled.ReturnCode());
        Assert.Equal(refund.Long("refund_id"), settled.Long("refund_id"));
        Assert.Equal(20_000, (await Sandbox.Control.GetOrderAsync(Paid!))!.RefundedAmount);
    }

    [Fact]
    public async Task Refund_SameMRefundIdAgain_SameRefundNotASecondOne()
    {
        var zpTransId = await PaidAsync();
        var mRefundId = Api.NewRefundId();

        var first = await Api.RefundAsync(mRefundId, zpTransId, 20_000);
        var second = await Api.RefundAsync(mRefundId, zpTransId, 20_000);

        Assert.Equal(first.Long("refund_id"), second.Long("refund_id"));
        Assert.Equal(1, (await Sandbox.Control.GetRequestCountsAsync()).RefundsCreated);
        Assert.Equal(20_000, (await Sandbox.Control.GetOrderAsync(Paid!))!.RefundedAmount);
    }

    [Fact]
    public async Task Refund_MoreThanPaid_Refused()
    {
        var zpTransId = await PaidAsync();
        await Api.RefundAsync(Api.NewRefundId(), zpTransId, 30_000);

        var reply = await Api.RefundAsync(Api.NewRefundId(), zpTransId, 30_000);

        Assert.Equal((2, -104), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Fact]
    public async Task Refund_UnknownZpTransId_RefusedNotFound()
    {
        var reply = await Api.RefundAsync(Api.NewRefundId(), 261203999999999, 1000);

        Assert.Equal((2, -92), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Fact]
    public async Task Refund_UnpaidOrder_Refused()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.FailAsync(appTransId);
        var unpaid = await Api.QueryAsync(appTransId);

        // An unpaid order has no zp_trans_id; the one it would be asked with is unknown to the sandbox.
        var reply = await Api.RefundAsync(Api.NewRefundId(), unpaid.Long("zp_trans_id"), 1000);

        Assert.Equal(2, reply.ReturnCode());
        Assert.Equal(0, (await Sandbox.Control.GetRequestCountsAsync()).RefundsCreated);
    }

    [Fact]
    public async Task Refund_FailNext_RefundAndItsQueryAnswer2()
    {
        var zpTransId = await PaidAsync();
        await Sandbox.Control.FailRefundAsync();
        var mRefundId = Api.NewRefundId();

        var refund = await Api.RefundAsync(mRefundId, zpTransId, 1000);
        var query = await Api.QueryRefundAsync(mRefundId);
        var next = await Api.RefundAsync(Api.NewRefundId(), zpTransId, 1000);

        Assert.Equal(2, refund.ReturnCode());
        Assert.Equal(2, query.ReturnCode());
        Assert.Equal(3, next.ReturnCode());
    }

    [Fact]
    public async Task Refund_MRefundIdOfAnotherApp_RefusedAsInvalidData()
    {
        var zpTransId = await PaidAsync();

        var reply = await Api.RefundAsync($"{MerchantApi.Today}_9999_abc", zpTransId, 1000);

        Assert.Equal(-401, reply.SubReturnCode());
    }

    [Fact]
    public async Task QueryRefund_UnknownMRefundId_2NotFound()
    {
        var reply = await Api.QueryRefundAsync(Api.NewRefundId());

        Assert.Equal((2, -92), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    private string? Paid { get; set; }

    private async Task<long> PaidAsync()
    {
        Paid = await CreateOrderAsync();
        return (await Sandbox.Control.PayAsync(Paid)).Order.ZpTransId!.Value;
    }
}
