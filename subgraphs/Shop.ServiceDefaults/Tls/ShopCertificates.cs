using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shop.ServiceDefaults.Tls;

/// <summary>
/// This service's certificate and the deployment CA, re-read when the files change: their
/// timestamps are checked at most every <see cref="TlsOptions.ReloadInterval"/>, when a
/// handshake asks. A half-written rotation (certificate and key not matching yet) keeps the old pair.
/// </summary>
public sealed class ShopCertificates
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly TlsOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private Loaded _loaded;
    private DateTimeOffset _checkedAt;

    public ShopCertificates(TlsOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        if (string.IsNullOrEmpty(options.CertificatePath) || string.IsNullOrEmpty(options.KeyPath) || string.IsNullOrEmpty(options.CaPath))
        {
            throw new InvalidOperationException(
                "Internal gRPC needs Shop:Tls:CertificatePath, Shop:Tls:KeyPath and Shop:Tls:CaPath (PEM files; './shop up' makes development ones).");
        }

        _loaded = Load(Stamps());
        _checkedAt = _time.GetUtcNow();
    }

    /// <summary>The certificate (with its key) this service presents, as server and as client.</summary>
    public X509Certificate2 Certificate => Current().Certificate;

    /// <summary>The CA certificates trusted for peers.</summary>
    public X509Certificate2Collection Authorities => Current().Authorities;

    /// <summary>This service's name as its certificate states it.</summary>
    public string? Identity => ServiceIdentity.Of(Certificate);

    /// <summary>A client certificate is acceptable: it chains to the deployment CA, is in date and is for client use.</summary>
    public bool IsTrustedClient(X509Certificate2 certificate) => Chains(certificate, ClientAuth);

    /// <summary>
    /// A server certificate is acceptable: chains to the deployment CA, is for server use, and
    /// names the host the client dialled (the errors SslStream found besides the chain).
    /// </summary>
    public bool IsTrustedServer(X509Certificate? certificate, SslPolicyErrors errors)
        => certificate is not null
            && (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
            && Chains(certificate as X509Certificate2 ?? new X509Certificate2(certificate), ServerAuth);

    private bool Chains(X509Certificate2 certificate, Oid usage)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(usage);
        return chain.Build(certificate);
    }

    private Loaded Current()
    {
        var now = _time.GetUtcNow();
        if (now - _checkedAt < _options.ReloadInterval)
        {
            return _loaded;
        }

        lock (_lock)
        {
            if (now - _checkedAt < _options.ReloadInterval)
            {
                return _loaded;
            }

            _checkedAt = now;
            var stamps = Stamps();
            if (stamps != _loaded.Stamps)
            {
                try
                {
                    _loaded = Load(stamps);
                }
                catch (Exception exception) when (exception is IOException or CryptographicException or ArgumentException)
                {
                    // Mid-rotation: keep serving the previous pair and look again next interval.
                }
            }

            return _loaded;
        }
    }

    private (DateTime, DateTime, DateTime) Stamps()
        => (File.GetLastWriteTimeUtc(_options.CertificatePath!), File.GetLastWriteTimeUtc(_options.KeyPath!), File.GetLastWriteTimeUtc(_options.CaPath!));

    private Loaded Load((DateTime, DateTime, DateTime) stamps)
    {
        var certificate = X509Certificate2.CreateFromPemFile(_options.CertificatePath!, _options.KeyPath!);
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(_options.CaPath!);
        if (authorities.Count == 0)
        {
            throw new ArgumentException($"{_options.CaPath} holds no certificate.");
        }

        return new Loaded(certificate, authorities, stamps);
    }

    private sealed record Loaded(X509Certificate2 Certificate, X509Certificate2Collection Authorities, (DateTime, DateTime, DateTime) Stamps);
}
