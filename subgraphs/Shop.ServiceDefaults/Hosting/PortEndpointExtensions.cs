using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Hosting;

/// <summary>Pins endpoints to the public or the internal port.</summary>
public static class PortEndpointExtensions
{
    /// <summary>Serves the endpoint on the internal gRPC port only.</summary>
    public static TBuilder OnGrpcPort<TBuilder>(this TBuilder builder, IEndpointRouteBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireHost($"*:{Options(endpoints).GrpcPort}");

    /// <summary>Serves the endpoint on the public HTTP port only.</summary>
    public static TBuilder OnHttpPort<TBuilder>(this TBuilder builder, IEndpointRouteBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireHost($"*:{Options(endpoints).HttpPort}");

    /// <summary>Maps a gRPC service on the internal port.</summary>
    public static GrpcServiceEndpointConventionBuilder MapInternalGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
        => endpoints.MapGrpcService<TService>().OnGrpcPort(endpoints);

    private static ServiceOptions Options(IEndpointRouteBuilder endpoints)
        => endpoints.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value;
}
