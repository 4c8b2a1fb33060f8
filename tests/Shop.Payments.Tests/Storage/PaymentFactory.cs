using Shop.Payments.Paying;
using Shop.Payments.ZaloPay;

namespace Shop.Payments.Tests.Storage;

internal static class PaymentFactory
{
    private static readonly Lock Gate = new();
    private static DateTimeOffset _clock = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new PENDING payment with one attempt being created, each a millisecond later than the last.</summary>
    public static Payment New(decimal amount = 129_000m, Guid? customerId = null)
    {
        var at = Next();
        var code = "SHP-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant() + "-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var attempt = new PaymentAttempt(ZaloPayIds.NewAppTransId(code, 1, at), at, AttemptState.Creating, LeaseUntil: at.AddSeconds(20));
        return Payment.Open(Guid.CreateVersion7(at), code, customerId ?? Guid.NewGuid(), amount, $"Order {code}", attempt, at);
    }

    /// <summary>The payment with its first attempt open at ZaloPay.</summary>
    public static Payment Open(decimal amount = 129_000m, Guid? customerId = null)
    {
        var payment = New(amount, customerId);
        var at = Next();
        payment.UpdateAttempt(payment.CurrentAttempt with
        {
            State = AttemptState.Open,
            LeaseUntil = null,
            OrderUrl = "http://127.0.0.1:5080/pay/token",
            ZpTransToken = "token",
            QrCode = "qr",
            ExpiresAt = at.AddMinutes(15),
        }, at);
        return payment;
    }

    public static DateTimeOffset Next()
    {
        lock (Gate)
        {
            return _clock = _clock.AddMilliseconds(1);
        }
    }
}
