using Shop.Payments.Paying;

namespace Shop.Payments.Events;

/// <summary>A payment reached a status its order's workflow acts on (PAID).</summary>
public sealed record PaymentSettled(Guid OrderId, PaymentStatus Status, string? ZpTransId, DateTimeOffset At);
