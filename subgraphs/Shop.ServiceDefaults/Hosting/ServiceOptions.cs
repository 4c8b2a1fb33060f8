namespace Shop.ServiceDefaults.Hosting;

/// <summary>The <c>Shop</c> configuration section: who the service is and where it listens.</summary>
public sealed class ServiceOptions
{
    public const string SectionName = "Shop";

    /// <summary>Name used in logs, traces and metrics; defaults to the entry assembly's name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Public port: GraphQL over HTTP, SSE and WebSocket, health.</summary>
    public int HttpPort { get; set; }

    /// <summary>Internal port: gRPC only (HTTP/2 over mutual TLS, see <c>Shop:Tls</c>); never published to clients.</summary>
    public int GrpcPort { get; set; }

    /// <summary>Address both ports bind to; loopback unless a deployment opens it up.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
