using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>Fields every ZaloPay answer carries.</summary>
public record ApiReply(
    [property: JsonPropertyName("return_code")] int ReturnCode,
    [property: JsonPropertyName("return_message")] string ReturnMessage,
    [property: JsonPropertyName("sub_return_code")] int SubReturnCode,
    [property: JsonPropertyName("sub_return_message")] string SubReturnMessage)
{
    /// <summary>snake_case names come from the attributes; absent optional fields are left out, as ZaloPay does.</summary>
    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ApiReply Refused(int subCode, string message) => new(ZaloPayCodes.Fail, "Giao dịch thất bại", subCode, message);

    // Declared as object so the runtime type (with its extra fields) is what gets written.
    public IResult ToResult() => Results.Json<object>(this, Json);
}

public sealed record CreateReply(
    [property: JsonPropertyName("zp_trans_token")] string ZpTransToken,
    [property: JsonPropertyName("order_url")] string OrderUrl,
    [property: JsonPropertyName("order_token")] string OrderToken,
    [property: JsonPropertyName("qr_code")] string QrCode)
    : ApiReply(ZaloPayCodes.Success, "Giao dịch thành công", ZaloPayCodes.SubSuccess, "Giao dịch thành công");

public sealed record QueryReply(
    int ReturnCode,
    int SubReturnCode,
    string ReturnMessage,
    [property: JsonPropertyName("is_processing")] bool IsProcessing,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("zp_trans_id")] long ZpTransId,
    [property: JsonPropertyName("server_time")] long ServerTime,
    [property: JsonPropertyName("discount_amount")] long DiscountAmount)
    : ApiReply(ReturnCode, ReturnMessage, SubReturnCode, ReturnMessage);

public sealed record RefundReply(
    int ReturnCode,
    int SubReturnCode,
    string ReturnMessage,
    [property: JsonPropertyName("refund_id")] long RefundId)
    : ApiReply(ReturnCode, ReturnMessage, SubReturnCode, ReturnMessage);
