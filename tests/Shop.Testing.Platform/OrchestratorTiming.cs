namespace Shop.Testing.Platform;

/// <summary>
/// How long a platform's orchestrator waits for an order's money (<c>Orchestrator:PaymentDeadline</c>)
/// and how often it asks payments meanwhile (<c>Orchestrator:ReconcileInterval</c>).
/// </summary>
public sealed record OrchestratorTiming(TimeSpan PaymentDeadline, TimeSpan ReconcileInterval)
{
    /// <summary>
    /// Long enough for a test or a benchmark to pay dozens of orders at once on a busy machine,
    /// short enough that an order nobody pays ends while the run still waits.
    /// </summary>
    public static OrchestratorTiming Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2));
}
