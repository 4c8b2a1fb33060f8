namespace Shop.Orchestrator;

/// <summary>The <c>Orchestrator</c> section: how long an order waits for its money, and how it checks.</summary>
public sealed class OrchestratorOptions
{
    public const string SectionName = "Orchestrator";

    /// <summary>
    /// From AWAITING_PAYMENT to giving up: ZaloPay's 15 minute expiry plus a grace for a payment made
    /// in its last seconds.
    /// </summary>
    public TimeSpan PaymentDeadline { get; set; } = TimeSpan.FromMinutes(17);

    /// <summary>How often a waiting order asks payments for the status (callbacks can be lost).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deadline of each gRPC call an activity makes.</summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(10);
}
