using System.Net;
using System.Net.Http.Json;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Callbacks;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.Testing.ZaloPay;

/// <summary>The sandbox's <c>/control</c> API: act as the customer, and make ZaloPay misbehave.</summary>
public sealed class ZaloPaySandboxControl(HttpClient http)
{
    /// <summary>Pays the order as the pay page's Pay button does; returns once its callback was delivered (or planned otherwise).</summary>
    public Task<PaymentOutcome> PayAsync(string appTransId, CancellationToken cancellationToken = default)
        => OutcomeAsync(appTransId, "pay", cancellationToken);

    /// <summary>The customer's payment fails; ZaloPay sends no callback.</summary>
    public Task<PaymentOutcome> FailAsync(string appTransId, CancellationToken cancellationToken = default)
        => OutcomeAsync(appTransId, "fail", cancellationToken);

    /// <summary>The order's time runs out now.</summary>
    public Task<PaymentOutcome> ExpireAsync(string appTransId, CancellationToken cancellationToken = default)
        => OutcomeAsync(appTransId, "expire", cancellationToken);

    /// <summary>The order and every callback attempt made for it, or null when the sandbox has no such order.</summary>
    public async Task<OrderState?> GetOrderAsync(string appTransId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(OrderPath(appTransId), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderState>(cancellationToken);
    }

    /// <summary>The next <paramref name="count"/> callbacks are delivered as <paramref name="mode"/> says; later ones normally.</summary>
    public Task SetCallbacksAsync(CallbackMode mode, int count = 1, int copies = 2, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        => PostAsync("/control/callbacks", new CallbacksRequest(mode, count, copies, (int)(delay ?? TimeSpan.Zero).TotalMilliseconds), cancellationToken);

    /// <summary>Delivers the held callbacks, newest first when <paramref name="reverse"/>; returns every attempt.</summary>
    public async Task<IReadOnlyList<CallbackDelivery>> ReleaseCallbacksAsync(bool reverse = false, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/control/callbacks/release", new ReleaseRequest(reverse), cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ReleaseResult>(cancellationToken);
        return result?.Deliveries ?? [];
    }

    /// <summary>A fault on one endpoint for the next <paramref name="count"/> requests, or until reset when null; <see cref="FaultMode.None"/> clears it.</summary>
    public Task SetFaultAsync(ApiEndpoint endpoint, FaultMode mode, int? count = null, CancellationToken cancellationToken = default)
        => PostAsync("/control/faults", new FaultRequest(endpoint, mode, count), cancellationToken);

    /// <summary>The next <paramref name="count"/> refunds fail (the refund and its queries answer return_code 2).</summary>
    public Task FailRefundAsync(int count = 1, CancellationToken cancellationToken = default)
        => PostAsync("/control/refunds/fail-next", new FailRefundsRequest(count), cancellationToken);

    /// <summary>Forgets every order, refund, plan, held callback, fault and counter; hanging requests are released.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default)
        => PostAsync<object?>("/control/reset", null, cancellationToken);

    public async Task<RequestCounts> GetRequestCountsAsync(CancellationToken cancellationToken = default)
        => await http.GetFromJsonAsync<RequestCounts>("/control/counters", cancellationToken)
            ?? throw new InvalidOperationException("The sandbox answered no counters.");

    private async Task<PaymentOutcome> OutcomeAsync(string appTransId, string action, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"{OrderPath(appTransId)}/{action}", null, cancellationToken);
        // 409 carries the outcome too: the order was not pending and nothing changed.
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }

        return await response.Content.ReadFromJsonAsync<PaymentOutcome>(cancellationToken)
            ?? throw new InvalidOperationException("The sandbox answered no outcome.");
    }

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string OrderPath(string appTransId) => $"/control/orders/{Uri.EscapeDataString(appTransId)}";
}
