using System.Text.Json.Serialization;

namespace Shop.ZaloPaySandbox.Orders;

/// <summary>What a merchant asked <c>/v2/create</c> for, already validated and MAC-checked.</summary>
public sealed record NewOrder(
    int AppId,
    string AppTransId,
    string AppUser,
    long AppTime,
    long Amount,
    string Item,
    string EmbedData,
    string Description,
    string BankCode,
    Uri? CallbackUrl,
    Uri? RedirectUrl,
    int ExpireSeconds);

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    Paid,
    Failed,
    Expired,
}

/// <summary>One attempt to deliver a callback, as the control API and tests see it.</summary>
public sealed record CallbackDelivery(
    string AppTransId,
    int Copy,
    int Attempt,
    DateTimeOffset At,
    int? HttpStatus,
    int? ReturnCode,
    string? ReturnMessage,
    string? Error);

/// <summary>An order as the control API reports it.</summary>
public sealed record OrderState(
    string AppTransId,
    string AppUser,
    long Amount,
    string Description,
    OrderStatus Status,
    string ZpTransToken,
    long? ZpTransId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    long RefundedAmount,
    IReadOnlyList<CallbackDelivery> Callbacks);
