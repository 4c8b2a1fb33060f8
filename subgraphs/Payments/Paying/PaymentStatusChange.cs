namespace Shop.Payments.Paying;

/// <summary>One stored status change; <see cref="From"/> is null for the first entry, the creation.</summary>
public sealed record PaymentStatusChange(PaymentStatus? From, PaymentStatus To, string Reason, DateTimeOffset At);
