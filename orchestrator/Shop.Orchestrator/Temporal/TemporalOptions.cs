using Shop.Orchestration;

namespace Shop.Orchestrator.Temporal;

/// <summary>The <c>Temporal</c> section: which server, namespace and task queue the worker uses.</summary>
public sealed class TemporalOptions
{
    public const string SectionName = "Temporal";

    /// <summary>host:port of the Temporal frontend.</summary>
    public string Address { get; set; } = "127.0.0.1:7233";

    public string Namespace { get; set; } = "default";

    public string TaskQueue { get; set; } = OrderWorkflowContract.TaskQueue;

    /// <summary>API key of a managed Temporal; turns TLS on.</summary>
    public string? ApiKey { get; set; }

    public TemporalTlsOptions Tls { get; set; } = new();

    /// <summary>Pause between two attempts to reach a server that does not answer.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The <c>Temporal:Tls</c> section: PEM files for mutual TLS with a managed Temporal.</summary>
public sealed class TemporalTlsOptions
{
    /// <summary>Turns TLS on with the system's roots, even without files.</summary>
    public bool Enabled { get; set; }

    public string? ClientCertPath { get; set; }

    public string? ClientKeyPath { get; set; }

    /// <summary>A private CA for the server's certificate; the system's roots otherwise.</summary>
    public string? ServerCaPath { get; set; }

    /// <summary>The server name to verify, when it differs from the address's host.</summary>
    public string? ServerName { get; set; }

    public bool IsOn => Enabled || ClientCertPath is not null || ServerCaPath is not null;
}
