namespace Shop.Payments.Paying;

/// <summary>What order processing asks to be paid; checked by <see cref="PaymentCreation"/>.</summary>
public sealed record CreatePaymentCommand(Guid OrderId, string? OrderCode, Guid CustomerId, decimal Amount, string? Currency, string? Description);
