using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shop.Testing.ZaloPay;

namespace Shop.ZaloPaySandbox.Tests.Support;

/// <summary>
/// A merchant calling the sandbox with raw form fields, signed here with plain HMACSHA256 rather than
/// either side's MAC helper, so a mistake shared by sandbox and payments client would still show.
/// </summary>
public sealed class MerchantApi(HttpClient http, ZaloPayMerchant merchant)
{
    public const long Amount = 50_000;

    public ZaloPayMerchant Merchant => merchant;

    public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyMMdd", CultureInfo.InvariantCulture);

    public static string NewAppTransId() => $"{Today}_{Guid.NewGuid():N}"[..30];

    public string NewRefundId() => $"{Today}_{merchant.AppId.ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid():N}"[..30];

    public static string Sign(string key, string input)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(input)));

    public Dictionary<string, string> CreateFields(
        string appTransId, long amount = Amount, Uri? callbackUrl = null, string embedData = "{}", string description = "Shop order", int? expireSeconds = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = AppId,
            ["app_user"] = "customer-1",
            ["app_trans_id"] = appTransId,
            ["app_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["item"] = """[{"itemid":"p1","itemname":"Tea","itemprice":50000,"itemquantity":1}]""",
            ["embed_data"] = embedData,
            ["description"] = description,
            ["bank_code"] = string.Empty,
        };
        if (callbackUrl is not null)
        {
            fields["callback_url"] = callbackUrl.ToString();
        }

        if (expireSeconds is { } seconds)
        {
            fields["expire_duration_seconds"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        fields["mac"] = Sign(merchant.Key1, Join(fields, "app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item"));
        return fields;
    }

    public Dictionary<string, string> QueryFields(string appTransId)
    {
        var fields = new Dictionary<string, string> { ["app_id"] = AppId, ["app_trans_id"] = appTransId };
        fields["mac"] = Sign(merchant.Key1, $"{AppId}|{appTransId}|{merchant.Key1}");
        return fields;
    }

    public Dictionary<string, string> RefundFields(string mRefundId, long zpTransId, long amount, string description = "Refund")
    {
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = AppId,
            ["m_refund_id"] = mRefundId,
            ["zp_trans_id"] = zpTransId.ToString(CultureInfo.InvariantCulture),
            ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = Timestamp,
            ["description"] = description,
        };
        fields["mac"] = Sign(merchant.Key1, Join(fields, "app_id", "zp_trans_id", "amount", "description", "timestamp"));
        return fields;
    }

    public Dictionary<string, string> QueryRefundFields(string mRefundId)
    {
        var fields = new Dictionary<string, string> { ["app_id"] = AppId, ["m_refund_id"] = mRefundId, ["timestamp"] = Timestamp };
        fields["mac"] = Sign(merchant.Key1, Join(fields, "app_id", "m_refund_id", "timestamp"));
        return fields;
    }

    public async Task<JsonElement> CreateAsync(string appTransId, Uri? callbackUrl = null, string embedData = "{}", string description = "Shop order", int? expireSeconds = null)
        => await PostAsync("/v2/create", CreateFields(appTransId, callbackUrl: callbackUrl, embedData: embedData, description: description, expireSeconds: expireSeconds));

    public Task<JsonElement> QueryAsync(string appTransId) => PostAsync("/v2/query", QueryFields(appTransId));

    public Task<JsonElement> RefundAsync(string mRefundId, long zpTransId, long amount) => PostAsync("/v2/refund", RefundFields(mRefundId, zpTransId, amount));

    public Task<JsonElement> QueryRefundAsync(string mRefundId) => PostAsync("/v2/query_refund", QueryRefundFields(mRefundId));

    /// <summary>Posts the fields form-encoded, as ZaloPay expects, and returns the JSON answer (which must be HTTP 200).</summary>
    public async Task<JsonElement> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private string AppId => merchant.AppId.ToString(CultureInfo.InvariantCulture);

    private static string Timestamp => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Join(Dictionary<string, string> fields, params string[] names) => string.Join('|', names.Select(name => fields[name]));
}
