using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Api;

public sealed class QueryTests : SandboxTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task Query_NotPaidYet_Pending3()
    {
        var appTransId = await CreateOrderAsync();

        var reply = await Api.QueryAsync(appTransId);

        Assert.Equal(3, reply.ReturnCode());
        Assert.Equal(0, reply.Long("zp_trans_id"));
    }

    [Fact]
    public async Task Query_Paid_1WithZpTransIdAmountAndServerTime()
    {
        var appTransId = await CreateOrderAsync();
        var paid = await Sandbox.Control.PayAsync(appTransId);

        var reply = await Api.QueryAsync(appTransId);

        Assert.Equal(1, reply.ReturnCode());
        Assert.Equal(paid.Order.ZpTransId, reply.Long("zp_trans_id"));
        Assert.Equal(MerchantApi.Amount, reply.Long("amount"));
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), reply.Long("server_time"));
    }

    [Fact]
    public async Task Query_Failed_2()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.FailAsync(appTransId);

        var reply = await Api.QueryAsync(appTransId);

        Assert.Equal(2, reply.ReturnCode());
        Assert.NotEqual(-54, reply.SubReturnCode());
    }

    [Fact]
    public async Task Query_ExpiredByControl_2WithTimeInvalid()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.ExpireAsync(appTransId);

        var reply = await Api.QueryAsync(appTransId);

        Assert.Equal((2, -54), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Fact]
    public async Task Query_ExpireDurationPassed_ExpiredAndCannotBePaid()
    {
        var appTransId = MerchantApi.NewAppTransId();
        await Api.CreateAsync(appTransId, Receiver.Url, expireSeconds: 300);
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(3, (await Api.QueryAsync(appTransId)).ReturnCode());

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(-54, (await Api.QueryAsync(appTransId)).SubReturnCode());
        var pay = await Sandbox.Control.PayAsync(appTransId);
        Assert.False(pay.Done);
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task Query_UnknownAppTransId_2NotFound()
    {
        var reply = await Api.QueryAsync(MerchantApi.NewAppTransId());

        Assert.Equal((2, -92), (reply.ReturnCode(), reply.SubReturnCode()));
    }
}
