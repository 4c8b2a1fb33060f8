using Shop.Domain;

namespace Shop.Payments.Paying;

public static class PaymentUpdates
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Reads the payment, applies <paramref name="change"/> (which returns false when there is
    /// nothing to change) and stores it, re-reading and re-applying when another writer got there
    /// first. Returns the payment as stored.
    /// </summary>
    public static async Task<Payment> UpdateAsync(
        this IPaymentRepository payments, Guid orderId, Func<Payment, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var payment = await payments.GetAsync(orderId, cancellationToken) ?? throw PaymentErrors.PaymentNotFound(orderId);
            var version = payment.Version;
            if (!change(payment))
            {
                return payment;
            }

            if (await payments.TryUpdateAsync(payment, version, cancellationToken))
            {
                return payment;
            }
        }

        throw new DomainException(new DomainError(PaymentErrors.ConcurrentUpdate, "The payment kept changing underneath; try again."));
    }
}
