using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Callbacks;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Control;

/// <summary><c>POST /control/callbacks</c>: how the next <see cref="Count"/> callbacks are delivered.</summary>
public sealed record CallbacksRequest(CallbackMode Mode, int Count = 1, int Copies = 2, int DelayMs = 0);

/// <summary><c>POST /control/callbacks/release</c>: deliver the held callbacks, newest first when <see cref="Reverse"/>.</summary>
public sealed record ReleaseRequest(bool Reverse = false);

/// <summary><c>POST /control/faults</c>: a fault on one endpoint for the next <see cref="Count"/> requests, or until reset when null.</summary>
public sealed record FaultRequest(ApiEndpoint Endpoint, FaultMode Mode, int? Count = null);

/// <summary><c>POST /control/refunds/fail-next</c>: the next <see cref="Count"/> refunds fail.</summary>
public sealed record FailRefundsRequest(int Count = 1);

/// <summary>The callback attempts a release made.</summary>
public sealed record ReleaseResult(IReadOnlyList<CallbackDelivery> Deliveries);
