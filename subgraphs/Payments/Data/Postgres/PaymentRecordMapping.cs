using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Postgres;

internal static class PaymentRecordMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PaymentRecord ToRecord(this Payment payment) => new()
    {
        OrderId = payment.OrderId,
        OrderCode = payment.OrderCode,
        CustomerId = payment.CustomerId,
        Amount = payment.Amount,
        Description = payment.Description,
        Status = payment.Status,
        Attempts = JsonSerializer.Serialize(payment.Attempts, Json),
        Refunds = JsonSerializer.Serialize(payment.Refunds, Json),
        History = JsonSerializer.Serialize(payment.History, Json),
        ZpTransId = payment.ZpTransId,
        PaidAt = payment.PaidAt,
        NotifyPending = payment.NotifyPending,
        RefundsPending = payment.RefundsPending,
        CreatedAt = payment.CreatedAt,
        UpdatedAt = payment.UpdatedAt,
        Version = payment.Version,
    };

    public static Payment ToPayment(this PaymentRecord record) => new(
        record.OrderId,
        record.OrderCode,
        record.CustomerId,
        record.Amount,
        record.Description,
        record.Status,
        JsonSerializer.Deserialize<List<PaymentAttempt>>(record.Attempts, Json)!,
        JsonSerializer.Deserialize<List<PaymentRefund>>(record.Refunds, Json)!,
        JsonSerializer.Deserialize<List<PaymentStatusChange>>(record.History, Json)!,
        record.ZpTransId,
        record.PaidAt,
        record.NotifyPending,
        record.CreatedAt,
        record.UpdatedAt,
        record.Version);

    /// <summary>The JSONB document an attempt list contains when one of its attempts has this app_trans_id.</summary>
    public static string AttemptContaining(string appTransId)
        => JsonSerializer.Serialize(new[] { new { appTransId } }, Json);
}
