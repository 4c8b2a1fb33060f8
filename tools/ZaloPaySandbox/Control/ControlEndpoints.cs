using Shop.ZaloPaySandbox.Callbacks;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Control;

/// <summary>
/// <c>/control</c>: what tests need to act as the customer and as a misbehaving ZaloPay. A dev tool
/// with no authentication; the sandbox binds to loopback and <c>Sandbox:EnableControl</c> turns it off.
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "/control";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup(Prefix);
        control.MapGet("/orders/{appTransId}", (string appTransId, OrderBook orders, TimeProvider clock)
            => orders.Find(appTransId) is { } order ? Results.Ok(order.Snapshot(clock.GetUtcNow())) : NotFound(appTransId));
        control.MapPost("/orders/{appTransId}/pay", async (string appTransId, OrderBook orders, Checkout checkout, CancellationToken cancellationToken)
            => orders.Find(appTransId) is { } order ? Outcome(await checkout.PayAsync(order, cancellationToken)) : NotFound(appTransId));
        control.MapPost("/orders/{appTransId}/fail", (string appTransId, OrderBook orders, Checkout checkout)
            => orders.Find(appTransId) is { } order ? Outcome(checkout.End(order, OrderStatus.Failed)) : NotFound(appTransId));
        control.MapPost("/orders/{appTransId}/expire", (string appTransId, OrderBook orders, Checkout checkout)
            => orders.Find(appTransId) is { } order ? Outcome(checkout.End(order, OrderStatus.Expired)) : NotFound(appTransId));

        control.MapPost("/callbacks", (CallbacksRequest request, CallbackDispatcher callbacks) =>
        {
            if (request.Count < 0 || request.Copies < 1 || request.DelayMs < 0)
            {
                return Results.Problem("count and delayMs must not be negative, copies must be at least 1.", statusCode: StatusCodes.Status400BadRequest);
            }

            callbacks.Plan(new CallbackPlan(request.Mode, request.Copies, TimeSpan.FromMilliseconds(request.DelayMs)), request.Count);
            return Results.NoContent();
        });
        control.MapPost("/callbacks/release", async (ReleaseRequest? request, CallbackDispatcher callbacks)
            => Results.Ok(new ReleaseResult(await callbacks.ReleaseAsync(request?.Reverse ?? false))));

        control.MapPost("/faults", (FaultRequest request, FaultInjector faults) =>
        {
            faults.Set(request.Endpoint, request.Mode, request.Count);
            return Results.NoContent();
        });
        control.MapPost("/refunds/fail-next", (FailRefundsRequest? request, RefundDesk refunds) =>
        {
            refunds.FailNext(request?.Count ?? 1);
            return Results.NoContent();
        });

        control.MapGet("/counters", (RequestCounters counters) => Results.Ok(counters.Snapshot()));
        control.MapPost("/reset", (OrderBook orders, RefundDesk refunds, CallbackDispatcher callbacks, FaultInjector faults, RequestCounters counters) =>
        {
            faults.Reset();
            callbacks.Reset();
            refunds.Clear();
            orders.Clear();
            counters.Reset();
            return Results.NoContent();
        });
    }

    // 409 when the order was not pending, so a test sees at once that nothing happened.
    private static IResult Outcome(PaymentOutcome outcome)
        => outcome.Done ? Results.Ok(outcome) : Results.Json(outcome, statusCode: StatusCodes.Status409Conflict);

    private static IResult NotFound(string appTransId)
        => Results.Problem($"No order has app_trans_id {appTransId}.", statusCode: StatusCodes.Status404NotFound);
}
