using Microsoft.Extensions.Options;
using Shop.Orchestration;
using Shop.Orchestrator.Temporal;
using Shop.ServiceDefaults.Temporal;
using Shop.Testing;
using Temporalio.Client;
using Temporalio.Extensions.Hosting;

namespace Shop.Orchestrator.Tests.Tracing;

/// <summary>The orchestrator as Program.cs builds it propagates traces on both of its Temporal sides.</summary>
public sealed class TracingWiringTests
{
    [Fact]
    public async Task Orchestrator_ClientAndWorker_CarryTheTracingInterceptors()
    {
        await using var worker = await WorkerHostingTests.StartWorkerAsync($"127.0.0.1:{FreePort.Next()}");

        var client = worker.GetRequiredService<IOptions<TemporalClientConnectOptions>>().Value;
        var workerOptions = worker.GetRequiredService<IOptionsMonitor<TemporalWorkerServiceOptions>>().Get(OrderWorkflowContract.TaskQueue);

        Assert.Contains(client.Interceptors ?? [], i => i is TracePropagationInterceptor);
        Assert.Contains(workerOptions.Interceptors ?? [], i => i is TracingWorkerInterceptor);
    }
}
