using MongoDB.Bson.Serialization.Conventions;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Mongo;

public static class PaymentDocumentMapping
{
    static PaymentDocumentMapping()
    {
        // camelCase element names for the payment documents only; extra fields from newer versions are ignored.
        ConventionRegistry.Register(
            "shop-payments",
            new ConventionPack { new CamelCaseElementNameConvention(), new IgnoreExtraElementsConvention(true) },
            type => type.Namespace == typeof(PaymentDocument).Namespace);
    }

    /// <summary>Registers the conventions; call before the first serialization (the repository does).</summary>
    public static void EnsureRegistered()
    {
    }

    public static PaymentDocument ToDocument(this Payment payment)
    {
        EnsureRegistered();
        return new PaymentDocument
        {
            OrderId = payment.OrderId,
            OrderCode = payment.OrderCode,
            CustomerId = payment.CustomerId,
            Amount = payment.Amount,
            Description = payment.Description,
            Status = payment.Status,
            Attempts = [.. payment.Attempts.Select(a => new AttemptDocument
            {
                AppTransId = a.AppTransId,
                CreatedAt = a.CreatedAt,
                State = a.State,
                LeaseUntil = a.LeaseUntil,
                OrderUrl = a.OrderUrl,
                ZpTransToken = a.ZpTransToken,
                QrCode = a.QrCode,
                ExpiresAt = a.ExpiresAt,
                Failure = a.Failure,
            })],
            Refunds = [.. payment.Refunds.Select(r => new RefundDocument
            {
                MRefundId = r.MRefundId,
                ZpTransId = r.ZpTransId,
                Amount = r.Amount,
                Reason = r.Reason,
                State = r.State,
                RequestedAt = r.RequestedAt,
                CompletedAt = r.CompletedAt,
                Submitted = r.Submitted,
                ZaloPayRefundId = r.ZaloPayRefundId,
                LastError = r.LastError,
            })],
            History = [.. payment.History.Select(h => new PaymentStatusChangeDocument { From = h.From, To = h.To, Reason = h.Reason, At = h.At })],
            ZpTransId = payment.ZpTransId,
            PaidAt = payment.PaidAt,
            NotifyPending = payment.NotifyPending,
            RefundsPending = payment.RefundsPending,
            CreatedAt = payment.CreatedAt,
            UpdatedAt = payment.UpdatedAt,
            Version = payment.Version,
        };
    }

    public static Payment ToPayment(this PaymentDocument document) => new(
        document.OrderId,
        document.OrderCode,
        document.CustomerId,
        document.Amount,
        document.Description,
        document.Status,
        document.Attempts.Select(a => new PaymentAttempt(a.AppTransId, a.CreatedAt, a.State, a.LeaseUntil, a.OrderUrl, a.ZpTransToken, a.QrCode, a.ExpiresAt, a.Failure)),
        document.Refunds.Select(r => new PaymentRefund(r.MRefundId, r.ZpTransId, r.Amount, r.Reason, r.State, r.RequestedAt, r.CompletedAt, r.Submitted, r.ZaloPayRefundId, r.LastError)),
        document.History.Select(h => new PaymentStatusChange(h.From, h.To, h.Reason, h.At)),
        document.ZpTransId,
        document.PaidAt,
        document.NotifyPending,
        document.CreatedAt,
        document.UpdatedAt,
        document.Version);
}
