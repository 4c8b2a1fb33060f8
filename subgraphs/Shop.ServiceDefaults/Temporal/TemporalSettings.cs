namespace Shop.ServiceDefaults.Temporal;

/// <summary>Where Temporal is and how to reach it: section <c>Temporal</c>, shared by every Temporal caller.</summary>
public sealed class TemporalSettings
{
    public const string SectionName = "Temporal";

    /// <summary>The frontend, <c>host:port</c>. Unset, a service runs without Temporal.</summary>
    public string? Address { get; set; }

    public string Namespace { get; set; } = "default";

    /// <summary>For a managed Temporal (Temporal Cloud); sent as a bearer token, never logged.</summary>
    public string? ApiKey { get; set; }

    public TemporalTlsSettings Tls { get; set; } = new();
}

/// <summary>TLS to the Temporal frontend; PEM files. Any path set turns TLS on.</summary>
public sealed class TemporalTlsSettings
{
    public bool Enabled { get; set; }

    public string? CaPath { get; set; }

    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    /// <summary>The server name to verify, when it differs from the address's host.</summary>
    public string? Domain { get; set; }

    internal bool IsOn => Enabled || CaPath is not null || CertificatePath is not null;
}
