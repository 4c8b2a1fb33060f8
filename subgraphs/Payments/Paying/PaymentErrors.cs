using Shop.Domain;

namespace Shop.Payments.Paying;

/// <summary>
/// The stable codes of every refusal the payments domain makes; a bad or unknown id is one of
/// <see cref="IdErrors"/>.
/// </summary>
public static class PaymentErrors
{
    public const string InvalidAmount = "INVALID_AMOUNT";
    public const string InvalidText = "INVALID_TEXT";
    public const string Conflict = "PAYMENT_CONFLICT";
    public const string AlreadyPaid = "PAYMENT_PAID";
    public const string NotPaid = "PAYMENT_NOT_PAID";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    public static DomainException PaymentNotFound(Guid orderId) => new(new DomainError(IdErrors.NotFound, $"Order {orderId} has no payment."));
}
