using System.Diagnostics;
using Grpc.Core;
using Shop.Payments.Grpc;
using Shop.ServiceDefaults.Grpc;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Control;

namespace Shop.Payments.Tests.Api;

/// <summary>
/// ZaloPay down or hanging surfaces to the caller as UNAVAILABLE within its deadline, never as a
/// hang, and nothing half-made is left behind: once ZaloPay answers, the same request succeeds.
/// </summary>
public sealed class ZaloPayDownTests(ZaloPayDownTests.Host payments) : IClassFixture<ZaloPayDownTests.Host>, IAsyncLifetime
{
    public sealed class Host : PaymentsHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            // Short enough to test quickly, long enough for a loaded CI machine to create a payment.
            ["ZaloPay:Timeout"] = "00:00:03",
            ["ZaloPay:AttemptTimeout"] = "00:00:01",
            ["ZaloPay:MaxRetries"] = "1",
            // Room for a loaded machine between the service giving up and the caller's deadline.
            ["ZaloPay:DeadlineMargin"] = "00:00:01",
        };
    }

    // A test that failed half-way must not leave ZaloPay broken for the next one.
    public async ValueTask InitializeAsync()
    {
        foreach (var endpoint in Enum.GetValues<ApiEndpoint>())
        {
            await payments.Sandbox.Control.SetFaultAsync(endpoint, FaultMode.None);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(FaultMode.Http500)]
    [InlineData(FaultMode.Hang)]
    public async Task CreatePayment_ZaloPayDown_UnavailableWithinTheDeadline_ThenSucceeds(FaultMode fault)
    {
        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, fault);
        var request = PaymentsHost.NewRequest();
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            payments.Grpc().CreatePaymentAsync(request, deadline: DateTime.UtcNow.AddSeconds(6)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal("ZALOPAY_UNAVAILABLE", refused.Reason());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");

        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.None);
        var created = await payments.Grpc().CreatePaymentAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(PaymentStatus.Pending, created.Status);
        Assert.NotNull(await payments.Sandbox.Control.GetOrderAsync(created.AppTransId));
    }

    [Fact]
    public async Task CreatePayment_CallerDeadlineShorterThanZaloPay_UnavailableBeforeIt()
    {
        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.Hang);
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            payments.Grpc().CreatePaymentAsync(PaymentsHost.NewRequest(), deadline: DateTime.UtcNow.AddSeconds(2.5)).ResponseAsync);

        // The service answers before the caller's own deadline, so the caller learns "try again", not "timed out".
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.None);
    }

    [Fact]
    public async Task QueryPayment_ZaloPayDown_UnavailableAndStatusKept()
    {
        var payment = await payments.CreateAsync();
        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.Http500);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            payments.Grpc().QueryPaymentAsync(new QueryPaymentRequest { OrderId = payment.OrderId }, deadline: DateTime.UtcNow.AddSeconds(6)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(Paying.PaymentStatus.Pending, (await payments.StoredAsync(Guid.Parse(payment.OrderId))).Status);
        await payments.Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.None);
    }
}
