using Shop.ZaloPaySandbox.Control;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>Counts each API request, then applies the fault the control API set for its endpoint, if any.</summary>
public sealed class FaultFilter(ApiEndpoint endpoint) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<RequestCounters>().Called(endpoint);
        var faults = services.GetRequiredService<FaultInjector>();
        switch (faults.Take(endpoint))
        {
            case FaultMode.Http500:
                return Results.Content("<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html", statusCode: StatusCodes.Status500InternalServerError);
            case FaultMode.Hang:
                // Shutting down ends the hang too, so a test host stops promptly.
                var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(context.HttpContext.RequestAborted, faults.Released, stopping))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, wait.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The caller gave up (what the fault is for), a reset released the request, or the app is stopping.
                    }
                }

                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return await next(context);
        }
    }
}
