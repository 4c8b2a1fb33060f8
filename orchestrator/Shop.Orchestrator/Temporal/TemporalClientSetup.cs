using Temporalio.Client;

namespace Shop.Orchestrator.Temporal;

/// <summary>Turns <see cref="TemporalOptions"/> into the SDK's connect options (TLS, API key).</summary>
public static class TemporalClientSetup
{
    public static void Apply(TemporalOptions options, TemporalClientConnectOptions connect)
    {
        connect.TargetHost = options.Address;
        connect.Namespace = options.Namespace;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            connect.ApiKey = options.ApiKey;
        }

        if (options.Tls.IsOn || !string.IsNullOrEmpty(options.ApiKey))
        {
            connect.Tls = new TlsOptions
            {
                ClientCert = Read(options.Tls.ClientCertPath),
                ClientPrivateKey = Read(options.Tls.ClientKeyPath),
                ServerRootCACert = Read(options.Tls.ServerCaPath),
                Domain = options.Tls.ServerName,
            };
        }
    }

    private static byte[]? Read(string? path) => string.IsNullOrEmpty(path) ? null : File.ReadAllBytes(path);
}
