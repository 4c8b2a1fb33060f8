using Shop.ZaloPaySandbox.Callbacks;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Callbacks;

public sealed class CallbackModeTests : SandboxTest
{
    [Fact]
    public async Task Drop_NextCallback_NeverSentButOrderPaid()
    {
        var dropped = await CreateOrderAsync();
        var normal = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Drop);

        await Sandbox.Control.PayAsync(dropped);
        await Sandbox.Control.PayAsync(normal);

        var callback = Assert.Single(Receiver.Received);
        Assert.Equal(normal, callback.Fields.GetProperty("app_trans_id").GetString());
        Assert.Equal(1, (await Api.QueryAsync(dropped)).ReturnCode());
    }

    [Fact]
    public async Task Duplicate_ThreeCopies_SameBodyThreeTimes()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Duplicate, copies: 3);

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.Equal(3, Receiver.Received.Count);
        Assert.Single(Receiver.Received.Select(callback => callback.Body).Distinct());
        Assert.Equal([1, 2, 3], paid.Deliveries.Select(delivery => delivery.Copy).Order());
    }

    [Fact]
    public async Task Delay_NextCallback_ArrivesAfterTheDelay()
    {
        var appTransId = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Delay, delay: TimeSpan.FromMilliseconds(700));
        var before = DateTimeOffset.UtcNow;

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.Empty(paid.Deliveries);
        Assert.Empty(Receiver.Received);
        Assert.Equal(1, (await Api.QueryAsync(appTransId)).ReturnCode());
        await Receiver.WaitForAsync(1);
        Assert.True(Receiver.Received[0].At - before >= TimeSpan.FromMilliseconds(650));
    }

    [Fact]
    public async Task Hold_TwoCallbacksReleasedInReverse_ArriveNewestFirst()
    {
        var first = await CreateOrderAsync();
        var second = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Hold, count: 2);
        await Sandbox.Control.PayAsync(first);
        await Sandbox.Control.PayAsync(second);
        await Task.Delay(200);
        Assert.Empty(Receiver.Received);

        var deliveries = await Sandbox.Control.ReleaseCallbacksAsync(reverse: true);

        Assert.Equal([second, first], Receiver.Received.Select(callback => callback.Fields.GetProperty("app_trans_id").GetString()));
        Assert.Equal([second, first], deliveries.Select(delivery => delivery.AppTransId));
    }

    [Fact]
    public async Task Hold_ReleasedInOrder_ArriveOldestFirst()
    {
        var first = await CreateOrderAsync();
        var second = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Hold, count: 2);
        await Sandbox.Control.PayAsync(first);
        await Sandbox.Control.PayAsync(second);

        await Sandbox.Control.ReleaseCallbacksAsync();

        Assert.Equal([first, second], Receiver.Received.Select(callback => callback.Fields.GetProperty("app_trans_id").GetString()));
    }

    [Fact]
    public async Task Plan_CountOne_OnlyTheNextCallbackIsAffected()
    {
        var held = await CreateOrderAsync();
        var normal = await CreateOrderAsync();
        await Sandbox.Control.SetCallbacksAsync(CallbackMode.Hold, count: 1);

        await Sandbox.Control.PayAsync(held);
        await Sandbox.Control.PayAsync(normal);

        Assert.Equal([normal], Receiver.Received.Select(callback => callback.Fields.GetProperty("app_trans_id").GetString()));
    }
}
