using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Client;
using Temporalio.Extensions.Hosting;

namespace Shop.Orchestrator.Temporal;

/// <summary>
/// The SDK's hosted worker, except that an unreachable server (or a worker that stops on a lost
/// connection) is waited out and retried instead of stopping the process; readiness tells meanwhile.
/// </summary>
public sealed class RetryingWorkerService(
    TemporalWorkerServiceIdentifier serviceId,
    IOptionsMonitor<TemporalWorkerServiceOptions> optionsMonitor,
    ITemporalClient client,
    WorkerReadiness readiness,
    IOptions<TemporalOptions> temporal,
    IOptions<TemporalSettings> server,
    ILoggerFactory loggerFactory)
    : TemporalWorkerService(serviceId, optionsMonitor, client, loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RetryingWorkerService>();
    private readonly ITemporalClient _client = client;
    private readonly string _taskQueue = serviceId.TaskQueue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _client.Connection.ConnectAsync().WaitAsync(stoppingToken);
                readiness.Polling();
                _logger.LogInformation("Temporal worker polling {TaskQueue} at {Address}", _taskQueue, server.Value.Address);
                await base.ExecuteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                readiness.Down($"retrying: {exception.Message}");
                _logger.LogWarning("Temporal at {Address} is unavailable ({Error}); retrying in {Delay}",
                    server.Value.Address, exception.Message, temporal.Value.ReconnectDelay);
                await Task.Delay(temporal.Value.ReconnectDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        readiness.Down("stopped");
    }
}
