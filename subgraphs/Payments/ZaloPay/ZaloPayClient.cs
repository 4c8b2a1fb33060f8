using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Shop.Payments.ZaloPay;

/// <summary>
/// ZaloPay's merchant API v2: create, query, refund, query refund, each signed with key1. Timeouts,
/// retries and the circuit breaker come from the HttpClient's resilience pipeline (Extensions.cs);
/// whatever keeps ZaloPay from answering surfaces as <see cref="ZaloPayUnavailableException"/>.
/// </summary>
public sealed partial class ZaloPayClient(HttpClient http, IOptions<ZaloPayOptions> options, TimeProvider clock, ILogger<ZaloPayClient> logger)
{
    // ZaloPay's sub codes that mean "not now" rather than "no": rate limited, system error, maintenance.
    private static readonly HashSet<int> BusySubCodes = [-429, -500, -999];

    private ZaloPayOptions Options => options.Value;

    public async Task<ZaloPayCreated> CreateAsync(ZaloPayOrder order, CancellationToken cancellationToken)
    {
        var appId = AppId;
        var appTime = order.AppTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var amount = order.Amount.ToString(CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = appId,
            ["app_user"] = order.AppUser,
            ["app_trans_id"] = order.AppTransId,
            ["app_time"] = appTime,
            ["amount"] = amount,
            ["expire_duration_seconds"] = Options.ExpireSeconds.ToString(CultureInfo.InvariantCulture),
            ["item"] = order.Item,
            ["embed_data"] = order.EmbedData,
            ["description"] = order.Description,
            ["bank_code"] = string.Empty,
            ["callback_url"] = Options.CallbackUrl!.ToString(),
            ["mac"] = ZaloPayMac.Sign(Options.Key1, $"{appId}|{order.AppTransId}|{order.AppUser}|{amount}|{appTime}|{order.EmbedData}|{order.Item}"),
        };

        using var answer = await PostAsync("v2/create", fields, cancellationToken);
        var reply = answer.RootElement;
        var (code, sub, message) = Codes(reply);
        LogAnswer(logger, "create", order.AppTransId, code, sub);
        return code switch
        {
            1 => new ZaloPayCreated(CreateOutcome.Created, Text(reply, "order_url"), Text(reply, "zp_trans_token"), Text(reply, "qr_code"), message),
            _ when sub == -68 => new ZaloPayCreated(CreateOutcome.Duplicate, null, null, null, message),
            _ when BusySubCodes.Contains(sub) => throw new ZaloPayUnavailableException($"ZaloPay is busy ({sub}): {message}"),
            _ => new ZaloPayCreated(CreateOutcome.Refused, null, null, null, $"{message} ({sub})"),
        };
    }

    public async Task<ZaloPayStatus> QueryAsync(string appTransId, CancellationToken cancellationToken)
    {
        var appId = AppId;
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = appId,
            ["app_trans_id"] = appTransId,
            ["mac"] = ZaloPayMac.Sign(Options.Key1, $"{appId}|{appTransId}|{Options.Key1}"),
        };

        using var answer = await PostAsync("v2/query", fields, cancellationToken);
        var reply = answer.RootElement;
        var (code, sub, message) = Codes(reply);
        LogAnswer(logger, "query", appTransId, code, sub);
        if (code is not (1 or 2 or 3) || (code == 2 && BusySubCodes.Contains(sub)))
        {
            throw new ZaloPayUnavailableException($"ZaloPay could not tell the status ({code}/{sub}): {message}");
        }

        var paidAt = Number(reply, "server_time") is > 0 and var ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new ZaloPayStatus((ZaloPayPaymentState)code, Text(reply, "zp_trans_id"), Number(reply, "amount"), paidAt, sub, message);
    }

    public async Task<ZaloPayRefundAnswer> RefundAsync(string mRefundId, string zpTransId, long amount, string description, CancellationToken cancellationToken)
    {
        var appId = AppId;
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var amountText = amount.ToString(CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = appId,
            ["m_refund_id"] = mRefundId,
            ["zp_trans_id"] = zpTransId,
            ["amount"] = amountText,
            ["timestamp"] = timestamp,
            ["description"] = description,
            ["mac"] = ZaloPayMac.Sign(Options.Key1, $"{appId}|{zpTransId}|{amountText}|{description}|{timestamp}"),
        };

        using var answer = await PostAsync("v2/refund", fields, cancellationToken);
        return RefundAnswer(answer.RootElement, "refund", mRefundId);
    }

    public async Task<ZaloPayRefundAnswer> QueryRefundAsync(string mRefundId, CancellationToken cancellationToken)
    {
        var appId = AppId;
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = appId,
            ["m_refund_id"] = mRefundId,
            ["timestamp"] = timestamp,
            ["mac"] = ZaloPayMac.Sign(Options.Key1, $"{appId}|{mRefundId}|{timestamp}"),
        };

        using var answer = await PostAsync("v2/query_refund", fields, cancellationToken);
        return RefundAnswer(answer.RootElement, "query_refund", mRefundId);
    }

    private string AppId => Options.AppId.ToString(CultureInfo.InvariantCulture);

    private ZaloPayRefundAnswer RefundAnswer(JsonElement reply, string operation, string mRefundId)
    {
        var (code, sub, message) = Codes(reply);
        LogAnswer(logger, operation, mRefundId, code, sub);
        if (code is not (1 or 2 or 3) || (code == 2 && BusySubCodes.Contains(sub)))
        {
            throw new ZaloPayUnavailableException($"ZaloPay could not tell the refund's status ({code}/{sub}): {message}");
        }

        return new ZaloPayRefundAnswer((ZaloPayRefundState)code, Text(reply, "refund_id"), $"{message} ({sub})");
    }

    private async Task<JsonDocument> PostAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await http.PostAsync(path, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ZaloPayUnavailableException($"ZaloPay answered {(int)response.StatusCode} to {path}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new ZaloPayUnavailableException($"ZaloPay's answer to {path} is not a JSON object.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException)
        {
            throw new ZaloPayUnavailableException($"ZaloPay did not answer {path}: {exception.Message}", exception);
        }
    }

    private static (int Code, int Sub, string Message) Codes(JsonElement reply)
        => ((int)Number(reply, "return_code"), (int)Number(reply, "sub_return_code"),
            Text(reply, "sub_return_message") ?? Text(reply, "return_message") ?? string.Empty);

    // ZaloPay sends ids such as zp_trans_id as JSON numbers in some answers and strings in others.
    private static string? Text(JsonElement reply, string name) => reply.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;

    private static long Number(JsonElement reply, string name) => reply.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            _ => 0,
        }
        : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "ZaloPay {Operation} {Id}: return_code {Code}, sub_return_code {SubCode}")]
    private static partial void LogAnswer(ILogger logger, string operation, string id, int code, int subCode);
}
