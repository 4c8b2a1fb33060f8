namespace Shop.ServiceDefaults.Tls;

/// <summary>
/// <c>Shop:Tls</c>: this service's certificate and key and the deployment CA, all PEM files, used by
/// the internal gRPC port and by every gRPC client (mutual TLS).
/// </summary>
public sealed class TlsOptions
{
    public const string SectionName = "Shop:Tls";

    /// <summary>This service's certificate (PEM); its subject CN is the service's name.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's private key (PEM, unencrypted; keep it mode 0600).</summary>
    public string? KeyPath { get; set; }

    /// <summary>The deployment CA (PEM, one or more certificates): the only issuer trusted on either side.</summary>
    public string? CaPath { get; set; }

    /// <summary>How often the files' timestamps are checked for a rotated certificate.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a client connection lives, so a rotated certificate is used within this time.</summary>
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Plain HTTP/2 without certificates or allow-lists: local benchmarks only; refused in Production.</summary>
    public bool Disabled { get; set; }
}
