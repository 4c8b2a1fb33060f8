using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Orders;
using Shop.ZaloPaySandbox.Pages;

namespace Shop.ZaloPaySandbox.Api;

/// <summary><c>POST /v2/create</c>: a new order and the page where the customer pays it.</summary>
public static partial class CreateEndpoint
{
    private static readonly string[] Required = ["app_user", "app_trans_id", "app_time", "amount", "item", "embed_data", "description"];
    private static readonly string[] Signed = ["app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item"];

    public static async Task<IResult> HandleAsync(
        HttpRequest http, IOptions<SandboxOptions> options, OrderBook orders, RequestCounters counters, CancellationToken cancellationToken)
    {
        var sandbox = options.Value;
        var request = await ApiRequest.ReadAsync(http, cancellationToken);
        if (ApiGuard.Check(request, sandbox, Required, Signed) is { } refusal)
        {
            return refusal.ToResult();
        }

        var (order, invalid) = Validate(request!, sandbox);
        if (order is null)
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidData, invalid!).ToResult();
        }

        var created = orders.TryCreate(order);
        if (created is null)
        {
            return ApiReply.Refused(ZaloPayCodes.SubDuplicate, "app_trans_id already exists.").ToResult();
        }

        counters.OrderCreated();
        var origin = sandbox.PublicUrl?.ToString().TrimEnd('/') ?? $"{http.Scheme}://{http.Host}";
        var orderUrl = $"{origin}{PayPagePaths.For(created.Token)}";
        // qr_code is what a phone would scan: here simply the pay page.
        return new CreateReply(created.Token, orderUrl, created.Token, orderUrl).ToResult();
    }

    private static (NewOrder? Order, string? Invalid) Validate(ApiRequest request, SandboxOptions sandbox)
    {
        var appTransId = request.Text("app_trans_id")!;
        if (appTransId.Length > 40 || !AppTransIdFormat().IsMatch(appTransId))
        {
            return (null, "app_trans_id must be yyMMdd_ then a suffix, at most 40 characters.");
        }

        var amount = request.Number("amount");
        if (amount is not > 0)
        {
            return (null, "amount must be a positive whole number of VND.");
        }

        var appTime = request.Number("app_time");
        if (appTime is not > 0)
        {
            return (null, "app_time must be milliseconds since the epoch.");
        }

        var expire = request.Text("expire_duration_seconds") is { Length: > 0 } ? request.Number("expire_duration_seconds") : sandbox.DefaultExpireSeconds;
        if (expire is not { } seconds || seconds < sandbox.MinExpireSeconds || seconds > sandbox.MaxExpireSeconds)
        {
            return (null, $"expire_duration_seconds must be between {sandbox.MinExpireSeconds} and {sandbox.MaxExpireSeconds}.");
        }

        if (!IsJson(request.Text("item")!, JsonValueKind.Array))
        {
            return (null, "item must be a JSON array.");
        }

        var embedData = request.Text("embed_data")!;
        if (!IsJson(embedData, JsonValueKind.Object))
        {
            return (null, "embed_data must be a JSON object.");
        }

        Uri? callbackUrl = null;
        if (request.Text("callback_url") is { Length: > 0 } callback
            && (!Uri.TryCreate(callback, UriKind.Absolute, out callbackUrl) || callbackUrl.Scheme is not ("http" or "https")))
        {
            return (null, "callback_url must be an absolute http(s) URL.");
        }

        return (new NewOrder(
            sandbox.AppId, appTransId, request.Text("app_user")!, appTime!.Value, amount!.Value, request.Text("item")!, embedData,
            request.Text("description")!, request.Text("bank_code") ?? string.Empty, callbackUrl, RedirectUrl(embedData), (int)seconds), null);
    }

    private static bool IsJson(string text, JsonValueKind kind)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>embed_data's redirecturl, where ZaloPay sends the browser after paying.</summary>
    private static Uri? RedirectUrl(string embedData)
    {
        using var document = JsonDocument.Parse(embedData);
        return document.RootElement.TryGetProperty("redirecturl", out var value) && value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : null;
    }

    [GeneratedRegex(@"^\d{6}_[A-Za-z0-9_\-.]+$")]
    private static partial Regex AppTransIdFormat();
}
