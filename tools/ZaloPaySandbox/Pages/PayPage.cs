using System.Globalization;
using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Pages;

/// <summary>The page order_url opens: what is being paid, and Pay / Fail buttons standing in for the customer's phone.</summary>
public static class PayPage
{
    public static IResult Show(string token, OrderBook orders, TimeProvider clock)
        => orders.FindByToken(token) is { } order
            ? Html(PayPageHtml.Order(order.Snapshot(clock.GetUtcNow())))
            : Html(PayPageHtml.NotFound(), StatusCodes.Status404NotFound);

    public static async Task<IResult> PayAsync(string token, OrderBook orders, Checkout checkout, IOptions<SandboxOptions> options, CancellationToken cancellationToken)
    {
        if (orders.FindByToken(token) is not { } order)
        {
            return Html(PayPageHtml.NotFound(), StatusCodes.Status404NotFound);
        }

        // The callback goes out (with its retries) before the browser is sent back, as at ZaloPay.
        var outcome = await checkout.PayAsync(order, cancellationToken);
        return Finish(order, outcome, outcome.Done ? 1 : 2, options.Value.Key2);
    }

    public static IResult Fail(string token, OrderBook orders, Checkout checkout, IOptions<SandboxOptions> options)
    {
        if (orders.FindByToken(token) is not { } order)
        {
            return Html(PayPageHtml.NotFound(), StatusCodes.Status404NotFound);
        }

        return Finish(order, checkout.End(order, OrderStatus.Failed), 2, options.Value.Key2);
    }

    /// <summary>
    /// Back to embed_data's redirecturl with ZaloPay's redirect parameters and their key2 checksum,
    /// or a result page when the merchant gave none.
    /// </summary>
    private static IResult Finish(SandboxOrder order, PaymentOutcome outcome, int status, string key2)
    {
        if (order.Request.RedirectUrl is not { } redirect)
        {
            return Html(PayPageHtml.Result(outcome));
        }

        var request = order.Request;
        var values = new[] { request.AppId.ToString(CultureInfo.InvariantCulture), request.AppTransId, "38", request.BankCode, request.Amount.ToString(CultureInfo.InvariantCulture), "0", status.ToString(CultureInfo.InvariantCulture) };
        var checksum = SandboxMac.Sign(key2, string.Join('|', values));
        var names = new[] { "appid", "apptransid", "pmcid", "bankcode", "amount", "discountamount", "status" };
        var query = string.Join('&', names.Zip(values, (name, value) => $"{name}={Uri.EscapeDataString(value)}"));
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        return Results.Redirect($"{redirect}{separator}{query}&checksum={checksum}");
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK)
        => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
