using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Client;

namespace Shop.Orchestrator.Temporal;

/// <summary>Whether the worker is polling; set by <see cref="RetryingWorkerService"/>.</summary>
public sealed class WorkerReadiness
{
    private volatile string _state = "not connected yet";

    public bool IsPolling { get; private set; }

    public string State => _state;

    public void Polling()
    {
        IsPolling = true;
        _state = "polling";
    }

    public void Down(string why)
    {
        IsPolling = false;
        _state = why;
    }
}

/// <summary>Ready = the worker polls and the server still answers a health check.</summary>
public sealed class TemporalHealthCheck(WorkerReadiness readiness, ITemporalClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsPolling || !client.Connection.IsConnected)
        {
            return HealthCheckResult.Unhealthy($"Temporal worker: {readiness.State}.");
        }

        try
        {
            var options = new RpcOptions { Timeout = TimeSpan.FromSeconds(2), CancellationToken = cancellationToken };
            return await client.Connection.CheckHealthAsync(options: options)
                ? HealthCheckResult.Healthy("Temporal worker: polling.")
                : HealthCheckResult.Unhealthy("Temporal server reports it is not serving.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Temporal server does not answer.", exception);
        }
    }
}
