using Shop.Orchestration;

namespace Shop.Orchestrator.Temporal;

/// <summary>
/// What only the worker reads from the <c>Temporal</c> section; where the server is and how to reach
/// it (address, namespace, API key, TLS) is the shared <c>TemporalSettings</c>.
/// </summary>
public sealed class TemporalOptions
{
    public const string SectionName = "Temporal";

    public string TaskQueue { get; set; } = OrderWorkflowContract.TaskQueue;

    /// <summary>Pause between two attempts to reach a server that does not answer.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
