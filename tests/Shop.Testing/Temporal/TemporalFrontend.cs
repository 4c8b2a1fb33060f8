using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Api.WorkflowService.V1;

namespace Shop.Testing.Temporal;

/// <summary>
/// A stand-in for Temporal's frontend on a real port, speaking its gRPC API for the calls a
/// starter and a signaller make (system info, start, signal). DESIGN.md allows it: no Temporal
/// server can run on the build machines. It records what arrived so a test can check the real
/// client's requests, and it keeps Temporal's rules a caller depends on: a workflow id is started
/// once (ALREADY_EXISTS with Temporal's failure detail), and a signal to an unknown or closed
/// workflow is NOT_FOUND.
/// </summary>
public sealed class TemporalFrontend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TemporalFrontend(WebApplication app, int port, WorkflowServiceStandIn service)
    {
        _app = app;
        Address = $"127.0.0.1:{port}";
        Service = service;
    }

    /// <summary>What <c>Temporal:Address</c> should be.</summary>
    public string Address { get; }

    internal WorkflowServiceStandIn Service { get; }

    public IReadOnlyCollection<StartWorkflowExecutionRequest> Starts => Service.Starts;

    public IReadOnlyCollection<SignalWorkflowExecutionRequest> Signals => Service.Signals;

    /// <summary>A workflow that is running as if someone had started it.</summary>
    public void Run(string workflowId) => Service.Running.TryAdd(workflowId, Guid.NewGuid().ToString());

    /// <summary>Marks a workflow closed: it stays unstartable, and signals to it are NOT_FOUND.</summary>
    public void Close(string workflowId) => Service.Closed[workflowId] = true;

    /// <summary>The next <paramref name="count"/> calls of any kind answer UNAVAILABLE.</summary>
    public void FailNext(int count) => Service.SetFailures(count);

    /// <summary>Services with Shop's shared Temporal client (<c>AddShopTemporalClient</c>) pointed at this frontend.</summary>
    public IServiceCollection ClientServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Temporal:Address"] = Address })
            .Build();
        return new ServiceCollection().AddLogging().AddShopTemporalClient(configuration).Services;
    }

    public static async Task<TemporalFrontend> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        var service = new WorkflowServiceStandIn();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<WorkflowServiceStandIn>();
        await app.StartAsync();
        return new TemporalFrontend(app, port, service);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The recorded traffic and the rules.</summary>
internal sealed class WorkflowServiceStandIn : WorkflowServiceBase
{
    private int _failures;

    public ConcurrentQueue<StartWorkflowExecutionRequest> Starts { get; } = new();

    public ConcurrentQueue<SignalWorkflowExecutionRequest> Signals { get; } = new();

    public ConcurrentDictionary<string, string> Running { get; } = new();

    public ConcurrentDictionary<string, bool> Closed { get; } = new();

    public void SetFailures(int count) => Volatile.Write(ref _failures, count);

    public override Task<GetSystemInfoResponse> GetSystemInfo(GetSystemInfoRequest request, ServerCallContext context)
        => Task.FromResult(new GetSystemInfoResponse
        {
            ServerVersion = "stand-in",
            Capabilities = new GetSystemInfoResponse.Types.Capabilities { SignalAndQueryHeader = true, InternalErrorDifferentiation = true },
        });

    public override Task<StartWorkflowExecutionResponse> StartWorkflowExecution(StartWorkflowExecutionRequest request, ServerCallContext context)
    {
        FailIfAsked();
        Starts.Enqueue(request);
        var runId = Guid.NewGuid().ToString();
        if (Closed.ContainsKey(request.WorkflowId) || !Running.TryAdd(request.WorkflowId, runId))
        {
            var existing = Running.GetValueOrDefault(request.WorkflowId, "closed-run");
            throw TemporalErrors.AlreadyStarted(request.WorkflowId, existing, request.RequestId);
        }

        return Task.FromResult(new StartWorkflowExecutionResponse { RunId = runId, Started = true });
    }

    public override Task<SignalWorkflowExecutionResponse> SignalWorkflowExecution(SignalWorkflowExecutionRequest request, ServerCallContext context)
    {
        FailIfAsked();
        Signals.Enqueue(request);
        var id = request.WorkflowExecution.WorkflowId;
        if (!Running.ContainsKey(id) || Closed.ContainsKey(id))
        {
            throw new RpcException(new Status(StatusCode.NotFound, "workflow execution already completed"));
        }

        return Task.FromResult(new SignalWorkflowExecutionResponse());
    }

    private void FailIfAsked()
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "stand-in told to fail"));
        }

        Interlocked.CompareExchange(ref _failures, 0, -1);
    }
}
