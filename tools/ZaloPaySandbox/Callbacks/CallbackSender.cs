using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Callbacks;

/// <summary>
/// Posts one callback like ZaloPay: a first attempt, then up to three retries while the merchant
/// answers anything but return_code 1 or cannot be reached. Every attempt is recorded on the order.
/// </summary>
public sealed partial class CallbackSender(
    IHttpClientFactory httpClients, IOptions<SandboxOptions> options, RequestCounters counters, TimeProvider clock, ILogger<CallbackSender> logger)
{
    public const string HttpClientName = "zalopay-sandbox-callbacks";

    public const int MaxRetries = 3;

    public async Task<IReadOnlyList<CallbackDelivery>> SendAsync(SandboxOrder order, CallbackMessage message, int copy, CancellationToken cancellationToken)
    {
        var deliveries = new List<CallbackDelivery>();
        for (var attempt = 1; attempt <= MaxRetries + 1; attempt++)
        {
            if (attempt > 1)
            {
                // Real time, not the TimeProvider: a test freezing business time must not freeze the network.
                await Task.Delay(options.Value.CallbackRetryDelay, cancellationToken);
            }

            var delivery = await AttemptAsync(order.Request.AppTransId, message, copy, attempt, cancellationToken);
            order.Record(delivery);
            deliveries.Add(delivery);
            LogAttempt(logger, order.Request.AppTransId, copy, attempt, delivery.HttpStatus, delivery.ReturnCode, delivery.Error);
            if (delivery.ReturnCode == 1)
            {
                break;
            }
        }

        return deliveries;
    }

    private async Task<CallbackDelivery> AttemptAsync(string appTransId, CallbackMessage message, int copy, int attempt, CancellationToken cancellationToken)
    {
        counters.CallbackSent();
        var at = clock.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CallbackTimeout);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var content = new StringContent(message.Body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(message.Url, content, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var (code, reply) = Reply(text);
            return new CallbackDelivery(appTransId, copy, attempt, at, (int)response.StatusCode, code, reply, null);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new CallbackDelivery(appTransId, copy, attempt, at, null, null, null, exception.Message);
        }
    }

    /// <summary>The merchant's return_code and return_message; a reply that is not ZaloPay's shape counts as a failure.</summary>
    private static (int? Code, string? Message) Reply(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            int? code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("return_code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("return_message", out var m) ? m.ToString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, text.Length > 200 ? text[..200] : text);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback for {AppTransId} copy {Copy} attempt {Attempt}: HTTP {Status}, return_code {Code} {Error}")]
    private static partial void LogAttempt(ILogger logger, string appTransId, int copy, int attempt, int? status, int? code, string? error);
}
