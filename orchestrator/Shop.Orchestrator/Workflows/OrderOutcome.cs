namespace Shop.Orchestrator.Workflows;

/// <summary>How an order's workflow ended: COMPLETED, REJECTED or CANCELLED, and why.</summary>
public sealed record OrderOutcome(string Status, string Reason);
