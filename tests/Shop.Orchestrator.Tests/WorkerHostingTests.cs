using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.Orchestration;
using Shop.Orchestrator.Temporal;
using Shop.Orchestrator.Workflows;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Hosting;
using Temporalio.Client;
using Temporalio.Workflows;

namespace Shop.Orchestrator.Tests;

/// <summary>The worker process: its registration matches the shared contract, and a missing Temporal is waited out.</summary>
public sealed class WorkerHostingTests
{
    [Fact]
    public void OrderWorkflow_Registration_UsesTheSharedContract()
    {
        var definition = WorkflowDefinition.Create(typeof(OrderWorkflow));

        Assert.Equal(OrderWorkflowContract.WorkflowType, definition.Name);
        Assert.Equal(OrderWorkflowContract.TaskQueue, OrderWorkflow.TaskQueue);
        Assert.Equal(OrderWorkflowContract.TaskQueue, new TemporalOptions().TaskQueue);
        Assert.Equal(typeof(OrderWorkflowInput), Assert.Single(definition.RunMethod.GetParameters()).ParameterType);
        Assert.Equal(
            [OrderWorkflowContract.CancelSignalName, OrderWorkflowContract.PaymentSignalName],
            definition.Signals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([OrderWorkflowContract.StatusQueryName], definition.Queries.Keys);
        var payment = typeof(OrderWorkflow).GetMethod(nameof(OrderWorkflow.PaymentAsync))!;
        var cancel = typeof(OrderWorkflow).GetMethod(nameof(OrderWorkflow.CancelAsync))!;
        var status = typeof(OrderWorkflow).GetMethod(nameof(OrderWorkflow.GetStatus))!;
        Assert.Equal(OrderWorkflowContract.PaymentSignalName, WorkflowSignalDefinition.FromMethod(payment).Name);
        Assert.Equal(typeof(PaymentSignal), Assert.Single(payment.GetParameters()).ParameterType);
        Assert.Equal(OrderWorkflowContract.CancelSignalName, WorkflowSignalDefinition.FromMethod(cancel).Name);
        Assert.Equal(typeof(CancelSignal), Assert.Single(cancel.GetParameters()).ParameterType);
        Assert.Equal(OrderWorkflowContract.StatusQueryName, WorkflowQueryDefinition.FromMethod(status).Name);
        Assert.Equal(typeof(OrderWorkflowStatus), status.ReturnType);
        Assert.Equal("order-0b7f3c1e-5a4d-4e59-9a0e-1f7f0c2d9a11", OrderWorkflowContract.WorkflowId(Guid.Parse("0b7f3c1e-5a4d-4e59-9a0e-1f7f0c2d9a11")));
    }

    [Fact]
    public async Task Worker_TemporalDown_StaysLiveNotReadyAndKeepsTrying()
    {
        await using var worker = await StartWorkerAsync($"127.0.0.1:{FreePort.Next()}");
        using var http = worker.CreateHttpClient();

        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Temporal worker", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.False(worker.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.False(worker.GetRequiredService<WorkerReadiness>().IsPolling);
        Assert.StartsWith("retrying", worker.GetRequiredService<WorkerReadiness>().State, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrchestrator_PortVariable_SetsTheHealthPort()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Extensions.HttpPortVariable] = "5905",
            ["Shop:Services:products:Grpc"] = "http://127.0.0.1:6002",
            ["Shop:Services:orders:Grpc"] = "http://127.0.0.1:6003",
            ["Shop:Services:payments:Grpc"] = "http://127.0.0.1:6004",
        });

        builder.AddOrchestrator();

        Assert.Equal("5905", builder.Configuration["Shop:HttpPort"]);
    }

    [Fact]
    public async Task Worker_ManagedTemporalSettings_ReachTheClient()
    {
        var address = $"127.0.0.1:{FreePort.Next()}";
        await using var worker = await StartWorkerAsync(address, more: new Dictionary<string, string?>
        {
            ["Temporal:Namespace"] = "shop.a1b2",
            ["Temporal:ApiKey"] = "key",
        });

        var connect = worker.GetRequiredService<Microsoft.Extensions.Options.IOptions<TemporalClientConnectOptions>>().Value;

        Assert.Equal((address, "shop.a1b2", "key"), (connect.TargetHost, connect.Namespace, connect.ApiKey));
        Assert.NotNull(connect.Tls);
        Assert.Equal(address, worker.GetRequiredService<ITemporalClient>().Connection.Options.TargetHost);
    }

    [Theory]
    [InlineData("Orchestrator:PaymentDeadline", "00:00:00", "Orchestrator:PaymentDeadline")]
    [InlineData("Orchestrator:ReconcileInterval", "-00:00:01", "ReconcileInterval")]
    [InlineData("Temporal:ReconnectDelay", "00:00:00", "Temporal:ReconnectDelay")]
    [InlineData("Temporal:TaskQueue", " ", "Temporal:TaskQueue")]
    [InlineData("Shop:Tls:ReloadInterval", "00:00:00", "Shop:Tls:ReloadInterval")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => StartWorkerAsync("127.0.0.1:1", more: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The orchestrator as its Program.cs builds it, on free ports, its gRPC clients pointed at <paramref name="grpc"/>.</summary>
    public static Task<TestServiceHost> StartWorkerAsync(string temporalAddress, Uri? grpc = null, IReadOnlyDictionary<string, string?>? more = null)
    {
        var target = (grpc ?? new Uri($"https://127.0.0.1:{FreePort.Next()}")).ToString();
        var settings = new Dictionary<string, string?>
        {
            ["Temporal:Address"] = temporalAddress,
            ["Temporal:ReconnectDelay"] = "00:00:00.200",
            ["Shop:Services:products:Grpc"] = target,
            ["Shop:Services:orders:Grpc"] = target,
            ["Shop:Services:payments:Grpc"] = target,
            ["Shop:GrpcPort"] = "0",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestServiceHost.StartAsync(builder => builder.AddOrchestrator(), app => app.MapOrchestrator(), settings, "Shop.Orchestrator", ShopServices.Orchestrator);
    }
}
