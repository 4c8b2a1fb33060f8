using System.Globalization;
using System.Net;
using System.Text;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Pages;

/// <summary>The pay page's HTML. Every value a merchant sent is HTML-encoded: descriptions are free text.</summary>
public static class PayPageHtml
{
    public static string Order(OrderState order)
    {
        var body = new StringBuilder()
            .Append("<h1>ZaloPay sandbox</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"description\">{Encode(order.Description)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"amount\">{Encode(Vnd(order.Amount))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"order\">Order {Encode(order.AppTransId)} for {Encode(order.AppUser)}</p>");
        if (order.Status == OrderStatus.Pending)
        {
            var token = Uri.EscapeDataString(order.ZpTransToken);
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/pay/{token}/pay\"><button type=\"submit\">Pay</button></form>")
                .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/pay/{token}/fail\"><button type=\"submit\">Fail</button></form>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"status\">This order is {Encode(order.Status.ToString())}.</p>");
        }

        return Document(body.ToString());
    }

    public static string Result(PaymentOutcome outcome)
    {
        var message = outcome.Done ? $"The order is {outcome.Order.Status}." : outcome.Refusal ?? "Nothing was done.";
        var zpTransId = outcome.Order.ZpTransId is { } id ? $"<p class=\"zp-trans-id\">zp_trans_id {id.ToString(CultureInfo.InvariantCulture)}</p>" : string.Empty;
        return Document($"<h1>ZaloPay sandbox</h1><p class=\"status\">{Encode(message)}</p>{zpTransId}");
    }

    public static string NotFound() => Document("<h1>ZaloPay sandbox</h1><p>No order has this token.</p>");

    /// <summary>Vietnamese grouping with dots, e.g. 1.250.000 VND; VND has no minor unit.</summary>
    public static string Vnd(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + " VND";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Document(string body)
        => "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ZaloPay sandbox</title></head>"
            + $"<body>{body}</body></html>";
}
