using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Client.Interceptors;

namespace Shop.ServiceDefaults.Temporal;

/// <summary>
/// Puts the caller's current <see cref="Activity"/> into the <see cref="TraceHeader"/> of every
/// workflow start and signal, so the worker can continue the trace (orders starts the order
/// workflow while handling placeOrder; payments signals it on the ZaloPay callback). No span of
/// its own: the gRPC call to Temporal is not instrumented, and the header alone carries the link.
/// </summary>
public sealed class TracePropagationInterceptor : IClientInterceptor
{
    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new Outbound(nextInterceptor);

    private sealed class Outbound(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
    {
        public override Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
            => base.StartWorkflowAsync<TWorkflow, TResult>(input with { Headers = TraceHeader.With(input.Headers, Activity.Current) });

        public override Task SignalWorkflowAsync(SignalWorkflowInput input)
            => base.SignalWorkflowAsync(input with { Headers = TraceHeader.With(input.Headers, Activity.Current) });
    }
}
