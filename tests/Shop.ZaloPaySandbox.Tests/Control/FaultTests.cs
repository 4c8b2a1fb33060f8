using System.Diagnostics;
using System.Net;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Control;

public sealed class FaultTests : SandboxTest
{
    [Fact]
    public async Task Http500_ForOneRequest_ThenAnswersNormally()
    {
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.Http500, count: 1);
        var fields = Api.CreateFields(MerchantApi.NewAppTransId());

        using var faulted = await Http.PostAsync("/v2/create", new FormUrlEncodedContent(fields));
        var after = await Api.PostAsync("/v2/create", fields);

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal(1, after.ReturnCode());
    }

    [Fact]
    public async Task Http500_OnOneEndpoint_OthersUnaffected()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Refund, FaultMode.Http500);

        var query = await Api.QueryAsync(appTransId);

        Assert.Equal(3, query.ReturnCode());
    }

    [Fact]
    public async Task Hang_UntilTheCallerGivesUp()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.Hang);
        using var impatient = new HttpClient { BaseAddress = Sandbox.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("/v2/query", new FormUrlEncodedContent(Api.QueryFields(appTransId))));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450));
    }

    [Fact]
    public async Task Hang_ResetReleasesTheHangingRequest()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.Hang);
        var hanging = Http.PostAsync("/v2/query", new FormUrlEncodedContent(Api.QueryFields(appTransId)));
        await Task.Delay(200);
        Assert.False(hanging.IsCompleted);

        await Sandbox.Control.ResetAsync();

        using var response = await hanging.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task FaultNone_ClearsAFaultSetUntilReset()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.Http500);
        using (var faulted = await Http.PostAsync("/v2/query", new FormUrlEncodedContent(Api.QueryFields(appTransId))))
        using (var stillFaulted = await Http.PostAsync("/v2/query", new FormUrlEncodedContent(Api.QueryFields(appTransId))))
        {
            Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (faulted.StatusCode, stillFaulted.StatusCode));
        }

        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.None);

        Assert.Equal(3, (await Api.QueryAsync(appTransId)).ReturnCode());
    }
}
