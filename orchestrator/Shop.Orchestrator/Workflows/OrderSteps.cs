namespace Shop.Orchestrator.Workflows;

/// <summary>Where an order's workflow is, as the status query reports it; it ends on the order's final status.</summary>
public static class OrderSteps
{
    public const string Started = "STARTED";
    public const string Reserving = "RESERVING";
    public const string CreatingPayment = "CREATING_PAYMENT";
    public const string AwaitingPayment = "AWAITING_PAYMENT";
    public const string CheckingPayment = "CHECKING_PAYMENT";
    public const string CancellingPayment = "CANCELLING_PAYMENT";
    public const string Releasing = "RELEASING";
    public const string Committing = "COMMITTING";
    public const string Refunding = "REFUNDING";
}
