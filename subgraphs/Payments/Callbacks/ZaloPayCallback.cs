using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Payments.Callbacks;

/// <summary>The callback's envelope: <c>data</c> (a JSON string), its <c>mac</c> and the callback <c>type</c>.</summary>
public sealed record ZaloPayCallback(
    [property: JsonPropertyName("data")] string? Data,
    [property: JsonPropertyName("mac")] string? Mac,
    [property: JsonPropertyName("type")] int? Type);

/// <summary>The fields of <c>data</c> a payment is recorded from.</summary>
public sealed record ZaloPayCallbackData(
    [property: JsonPropertyName("app_id")] long AppId,
    [property: JsonPropertyName("app_trans_id")] string? AppTransId,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("zp_trans_id")] JsonElement ZpTransId,
    [property: JsonPropertyName("server_time")] long ServerTime)
{
    /// <summary>ZaloPay sends zp_trans_id as a number; a string is accepted too.</summary>
    public string? ZpTransIdText => ZpTransId.ValueKind switch
    {
        JsonValueKind.Number => ZpTransId.GetRawText(),
        JsonValueKind.String => ZpTransId.GetString(),
        _ => null,
    };
}

/// <summary>ZaloPay's expected reply: return_code 1 once handled; anything else makes it call again (up to three times).</summary>
public sealed record ZaloPayCallbackReply(
    [property: JsonPropertyName("return_code")] int ReturnCode,
    [property: JsonPropertyName("return_message")] string ReturnMessage)
{
    public static readonly ZaloPayCallbackReply Success = new(1, "success");

    public static readonly ZaloPayCallbackReply BadMac = new(-1, "mac not equal");

    public static ZaloPayCallbackReply Refused(string why) => new(0, why);
}
