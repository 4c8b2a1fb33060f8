using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Hosting;

namespace Shop.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Tag of the checks that must pass before the service takes traffic.</summary>
    public const string Ready = "ready";

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (its dependencies answer)
    /// and the gRPC health service on the internal port, open to any service of the deployment CA
    /// (probes present a service certificate, or use the HTTP endpoints).
    /// </summary>
    public static IEndpointRouteBuilder MapShopHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpHealth();
        endpoints.MapGrpcHealthChecksService().OnGrpcPort(endpoints).WithMetadata(new AllowedCallersAttribute { AnyService = true });
        return endpoints;
    }

    /// <summary>
    /// <c>/health/live</c> and <c>/health/ready</c> only, for a process without a gRPC port.
    /// </summary>
    public static IEndpointRouteBuilder MapHttpHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
