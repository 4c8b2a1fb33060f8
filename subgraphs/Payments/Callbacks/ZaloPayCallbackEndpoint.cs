using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.Payments.Paying;
using Shop.Payments.ZaloPay;

namespace Shop.Payments.Callbacks;

/// <summary>
/// <c>POST /zalopay/callback</c>: ZaloPay telling us money arrived. Only a callback whose mac is
/// HMAC-SHA256(key2, data) (compared in constant time), for our app, for one of our attempts and for
/// exactly its amount is recorded. A repeat is acknowledged and changes nothing; whatever is
/// refused changes nothing and gets a non-1 reply saying why.
/// </summary>
public static partial class ZaloPayCallbackEndpoint
{
    public const string Path = "/zalopay/callback";

    /// <summary>ZaloPay's callbacks are a few hundred bytes; nothing legitimate comes near this.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 8 };

    public static async Task<IResult> HandleAsync(
        HttpContext http, IOptions<ZaloPayOptions> options, IPaymentRepository payments, PaymentSettlement settlement, ILogger<ZaloPayCallback> logger)
    {
        var request = http.Request;
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reply(StatusCodes.Status415UnsupportedMediaType, ZaloPayCallbackReply.Refused("Content-Type must be application/json."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Reply(StatusCodes.Status413PayloadTooLarge, ZaloPayCallbackReply.Refused($"The body is larger than {MaxBodyBytes} bytes."));
        }

        var body = await ReadBodyAsync(request.BodyReader, http.RequestAborted);
        if (body is null)
        {
            return Reply(StatusCodes.Status413PayloadTooLarge, ZaloPayCallbackReply.Refused($"The body is larger than {MaxBodyBytes} bytes."));
        }

        var callback = Parse<ZaloPayCallback>(body);
        if (callback?.Data is not { } data)
        {
            return Reply(StatusCodes.Status400BadRequest, ZaloPayCallbackReply.Refused("The body is not a ZaloPay callback: {data, mac, type}."));
        }

        var zaloPay = options.Value;
        if (!ZaloPayMac.Verify(zaloPay.Key2, data, callback.Mac))
        {
            LogBadMac(logger);
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.BadMac);
        }

        if (callback.Type is not (null or 1))
        {
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Refused("Only order callbacks (type 1) are handled."));
        }

        var paid = Parse<ZaloPayCallbackData>(System.Text.Encoding.UTF8.GetBytes(data));
        if (paid is not { AppTransId: { } appTransId, ZpTransIdText: { Length: > 0 } zpTransId })
        {
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Refused("data is not an order's payment: app_trans_id, amount and zp_trans_id are needed."));
        }

        if (paid.AppId != zaloPay.AppId)
        {
            LogRefused(logger, appTransId, "another app_id");
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Refused("app_id is not this merchant's."));
        }

        var payment = await payments.GetByAppTransIdAsync(appTransId, http.RequestAborted);
        if (payment is null)
        {
            LogRefused(logger, appTransId, "an unknown app_trans_id");
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Refused("Unknown app_trans_id."));
        }

        if (paid.Amount != payment.Amount)
        {
            LogAmountMismatch(logger, appTransId, paid.Amount, payment.Amount);
            return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Refused("amount does not match the order's."));
        }

        var (_, outcome) = await settlement.ReceiveMoneyAsync(payment.OrderId, zpTransId, http.RequestAborted);
        LogHandled(logger, appTransId, outcome);
        return Reply(StatusCodes.Status200OK, ZaloPayCallbackReply.Success);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static T? Parse<T>(byte[] json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Reply(int status, ZaloPayCallbackReply reply) => Results.Json(reply, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ZaloPay callback refused: the mac does not sign its data")]
    private static partial void LogBadMac(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ZaloPay callback for {AppTransId} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string appTransId, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "ZaloPay callback for {AppTransId} says {Paid} VND, but the payment is {Expected} VND; not recorded")]
    private static partial void LogAmountMismatch(ILogger logger, string appTransId, long paid, decimal expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "ZaloPay callback for {AppTransId} handled: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string appTransId, MoneyOutcome outcome);
}
