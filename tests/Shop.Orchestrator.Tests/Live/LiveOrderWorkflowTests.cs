using Shop.Orchestration;
using Shop.Orchestrator.Activities;
using Shop.Orchestrator.Tests.Activities;
using Shop.Orchestrator.Workflows;
using Shop.Payments.Grpc;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Shop.Orchestrator.Tests.Live;

/// <summary>
/// The worker against a real Temporal server, named by SHOP_TEST_TEMPORAL (host:port), with the
/// gRPC stand-ins for the services. Each test has a task queue of its own.
/// </summary>
public sealed class LiveOrderWorkflowTests
{
    public const string Variable = "SHOP_TEST_TEMPORAL";
    public const string SkipReason = "SHOP_TEST_TEMPORAL is not set: no Temporal server on this machine (the workflow is replay-tested offline instead).";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Order_PaidBySignal_Completes()
    {
        await using var run = await LiveRun.StartAsync();

        var handle = await run.StartOrderAsync();
        await run.WaitForStepAsync(handle, OrderSteps.AwaitingPayment);
        await handle.SignalAsync(OrderWorkflowContract.PaymentSignalName, [new PaymentSignal(run.OrderId, PaymentSignalStatus.Paid, "zp-1", DateTimeOffset.UtcNow)]);
        var outcome = await handle.GetResultAsync<OrderOutcome>().WaitAsync(Patience);

        Assert.Equal(OrderStatuses.Completed, outcome.Status);
        Assert.Contains(run.StandIns.Behavior.Calls, c => c.Method == "Commit");
    }

    [Fact]
    public async Task Order_DeadlineWithoutMoney_EndsCancelled()
    {
        await using var run = await LiveRun.StartAsync(paymentDeadline: "00:00:03", reconcileInterval: "00:00:01");
        run.StandIns.Behavior.QueryStatus = PaymentStatus.Pending;

        var outcome = await (await run.StartOrderAsync()).GetResultAsync<OrderOutcome>().WaitAsync(Patience);

        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, "The payment deadline passed."), outcome);
        Assert.Contains(run.StandIns.Behavior.Calls, c => c.Method == "Release");
    }

    [Fact]
    public async Task Order_CustomerCancels_EndsCancelled()
    {
        await using var run = await LiveRun.StartAsync();
        run.StandIns.Behavior.QueryStatus = PaymentStatus.Pending;

        var handle = await run.StartOrderAsync();
        await run.WaitForStepAsync(handle, OrderSteps.AwaitingPayment);
        await handle.SignalAsync(OrderWorkflowContract.CancelSignalName, [new CancelSignal("changed my mind")]);
        var outcome = await handle.GetResultAsync<OrderOutcome>().WaitAsync(Patience);

        Assert.Equal(OrderStatuses.Cancelled, outcome.Status);
    }

    [Fact]
    public async Task Order_StartedTwice_SecondStartRejected()
    {
        await using var run = await LiveRun.StartAsync();

        await run.StartOrderAsync();

        await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(run.StartOrderAsync);
    }

    private sealed class LiveRun : IAsyncDisposable
    {
        private readonly Shop.Testing.Hosting.TestServiceHost _worker;

        private LiveRun(StandIns standIns, Shop.Testing.Hosting.TestServiceHost worker, ITemporalClient client, string taskQueue)
        {
            StandIns = standIns;
            _worker = worker;
            Client = client;
            TaskQueue = taskQueue;
        }

        public StandIns StandIns { get; }

        public ITemporalClient Client { get; }

        public string TaskQueue { get; }

        public Guid OrderId { get; } = Guid.NewGuid();

        public static async Task<LiveRun> StartAsync(string paymentDeadline = "00:05:00", string reconcileInterval = "00:01:00")
        {
            var address = Environment.GetEnvironmentVariable(Variable);
            Assert.SkipWhen(string.IsNullOrEmpty(address), SkipReason);
            var taskQueue = $"shop-orders-test-{Guid.NewGuid():N}";
            var standIns = await StandIns.StartAsync();
            var worker = await WorkerHostingTests.StartWorkerAsync(address!, standIns.GrpcAddress, new Dictionary<string, string?>
            {
                ["Temporal:TaskQueue"] = taskQueue,
                ["Orchestrator:PaymentDeadline"] = paymentDeadline,
                ["Orchestrator:ReconcileInterval"] = reconcileInterval,
            });
            var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(address!));
            return new LiveRun(standIns, worker, client, taskQueue);
        }

        public Task<WorkflowHandle<OrderWorkflow, OrderOutcome>> StartOrderAsync() => Client.StartWorkflowAsync(
            (OrderWorkflow workflow) => workflow.RunAsync(new OrderWorkflowInput(OrderId)),
            new WorkflowOptions(OrderWorkflowContract.WorkflowId(OrderId), TaskQueue));

        public async Task WaitForStepAsync(WorkflowHandle<OrderWorkflow, OrderOutcome> handle, string step)
        {
            var until = DateTime.UtcNow + Patience;
            while ((await handle.QueryAsync(workflow => workflow.GetStatus())).Step != step)
            {
                Assert.True(DateTime.UtcNow < until, $"The workflow never reached {step}.");
                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _worker.DisposeAsync();
            await StandIns.DisposeAsync();
        }
    }
}
