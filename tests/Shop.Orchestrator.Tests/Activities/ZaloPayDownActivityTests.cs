using System.Diagnostics;
using Shop.Orchestrator.Activities;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Control;
using Temporalio.Exceptions;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// ZaloPay failing behind the real payments service reaches Temporal as a retryable failure within
/// the activity's call deadline: the workflow's retry policy, not a refusal, deals with it.
/// </summary>
public sealed class ZaloPayDownActivityTests(ZaloPayDownActivityTests.Services services) : IClassFixture<ZaloPayDownActivityTests.Services>
{
    /// <summary>
    /// Its own services, as a failing ZaloPay may open payments' circuit breaker. Payments gives up
    /// on ZaloPay quickly, so the gRPC client's own retries of UNAVAILABLE all end well inside the
    /// call deadline: the activity sees payments' answer, not a deadline that raced it.
    /// </summary>
    public sealed class Services : RealServices
    {
        public override TimeSpan CallDeadline => TimeSpan.FromSeconds(8);

        protected override IReadOnlyDictionary<string, string?> PaymentSettings => new Dictionary<string, string?>
        {
            ["ZaloPay:Timeout"] = "00:00:01.500",
            ["ZaloPay:AttemptTimeout"] = "00:00:00.400",
            ["ZaloPay:MaxRetries"] = "1",
        };
    }

    [Fact]
    public async Task CreatePayment_ZaloPayAnswers500_RetryableWithinTheDeadline_ThenSucceeds()
    {
        await services.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.Http500);
        var orderId = Guid.NewGuid();
        var input = new CreatePaymentInput(orderId, "SHP-DOWN-0001", Guid.NewGuid(), 150_000m, "VND", "Shop order SHP-DOWN-0001");
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => services.RunAsync<PaymentActivities, PaymentCreated>(
            "CreatePayment", a => a.CreatePaymentAsync(input)));

        clock.Stop();
        Assert.False(failure.NonRetryable);
        Assert.Equal("UNAVAILABLE", failure.ErrorType);
        Assert.True(clock.Elapsed < services.CallDeadline, $"took {clock.Elapsed}");

        await services.Sandbox.Control.SetFaultAsync(ApiEndpoint.Create, FaultMode.None);
        var created = await services.RunAsync<PaymentActivities, PaymentCreated>("CreatePayment", a => a.CreatePaymentAsync(input));
        Assert.Equal("PENDING", created.Status);
    }
}
