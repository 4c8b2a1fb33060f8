using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Control;

public sealed class CounterTests : SandboxTest
{
    [Fact]
    public async Task Counters_CountEveryCallAndEveryCreation()
    {
        var appTransId = await CreateOrderAsync();
        await Api.CreateAsync(appTransId);
        await Api.QueryAsync(appTransId);
        var zpTransId = (await Sandbox.Control.PayAsync(appTransId)).Order.ZpTransId!.Value;
        var mRefundId = Api.NewRefundId();
        await Api.RefundAsync(mRefundId, zpTransId, 1000);
        await Api.RefundAsync(mRefundId, zpTransId, 1000);
        await Api.QueryRefundAsync(mRefundId);

        var counts = await Sandbox.Control.GetRequestCountsAsync();

        Assert.Equal(new RequestCounts(Create: 2, Query: 1, Refund: 2, QueryRefund: 1, OrdersCreated: 1, RefundsCreated: 1, Callbacks: 1), counts);
    }

    [Fact]
    public async Task Counters_FaultedRequestsCountToo()
    {
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.Http500, count: 2);

        for (var i = 0; i < 2; i++)
        {
            using var response = await Http.PostAsync("/v2/create", new FormUrlEncodedContent(Api.CreateFields(MerchantApi.NewAppTransId())));
        }

        var counts = await Sandbox.Control.GetRequestCountsAsync();
        Assert.Equal((2, 0), (counts.Create, counts.OrdersCreated));
    }

    [Fact]
    public async Task Reset_ForgetsOrdersPlansAndCounters()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(Shop.ZaloPaySandbox.Callbacks.CallbackMode.Drop, count: 5);

        await Sandbox.Control.ResetAsync();

        Assert.Null(await Sandbox.Control.GetOrderAsync(appTransId));
        Assert.Equal(new RequestCounts(0, 0, 0, 0, 0, 0, 0), await Sandbox.Control.GetRequestCountsAsync());
        var again = await CreateOrderAsync();
        await Sandbox.Control.PayAsync(again);
        Assert.Single(Receiver.Received);
    }

    [Fact]
    public async Task GetOrder_Unknown_Null()
    {
        Assert.Null(await Sandbox.Control.GetOrderAsync(MerchantApi.NewAppTransId()));
    }
}
