using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shop.DevCerts;

/// <summary>
/// A development CA and one certificate per service as PEM files (<c>ca.crt</c>,
/// <c>{service}.crt</c>, <c>{service}.key</c>): ECDSA P-256, lifetimes of days, subject CN the
/// service's name, SANs the service's name, localhost and the loopback addresses.
/// </summary>
public static class DevelopmentCertificates
{
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(10);
    public static readonly TimeSpan CertificateLifetime = TimeSpan.FromDays(5);

    /// <summary>What is left of a certificate's life when it is replaced.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(2);

    private const string AuthorityFile = "ca.crt";
    private const string AuthorityKeyFile = "ca.key";

    /// <summary>
    /// Makes <paramref name="directory"/> hold a current CA and a current certificate for every
    /// service: anything missing or expiring within <see cref="RenewBefore"/> is made anew (a new CA
    /// means new certificates for all). Returns whether anything was written.
    /// </summary>
    public static bool Ensure(string directory, IEnumerable<string> services)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var changed = false;
        var authority = LoadCurrent(Path.Combine(directory, AuthorityFile), Path.Combine(directory, AuthorityKeyFile), now);
        if (authority is null)
        {
            authority = CreateAuthority("Shop development CA", now, AuthorityLifetime);
            Write(authority, Path.Combine(directory, AuthorityFile), Path.Combine(directory, AuthorityKeyFile));
            changed = true;
        }

        using (authority)
        {
            foreach (var service in services.Distinct(StringComparer.Ordinal))
            {
                var certificatePath = Path.Combine(directory, $"{service}.crt");
                var keyPath = Path.Combine(directory, $"{service}.key");
                using var current = changed ? null : LoadCurrent(certificatePath, keyPath, now, authority);
                if (current is null)
                {
                    using var issued = Issue(authority, service, now, CertificateLifetime);
                    Write(issued, certificatePath, keyPath);
                    changed = true;
                }
            }
        }

        return changed;
    }

    /// <summary>A self-signed CA certificate with its key, valid from an hour before <paramref name="now"/>.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddHours(-1), now.Add(lifetime));
    }

    /// <summary>
    /// A certificate for <paramref name="service"/>, for both server and client use, signed by
    /// <paramref name="authority"/>; its validity is clipped to the CA's.
    /// </summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string service, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={service}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(service);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));

        var from = notBefore < authority.NotBefore ? new DateTimeOffset(authority.NotBefore) : notBefore.AddMinutes(-5);
        var until = notBefore.Add(lifetime);
        if (until > authority.NotAfter)
        {
            until = authority.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(authority, from, until, serial);
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the certificate and its key as PEM; the key readable by its owner only.</summary>
    public static void Write(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate has no ECDSA private key.", nameof(certificate));
        // Key first, each file replaced whole: a reader polling timestamps never sees a torn file.
        WriteAtomically(keyPath, key.ExportPkcs8PrivateKeyPem(), privateFile: true);
        WriteAtomically(certificatePath, certificate.ExportCertificatePem(), privateFile: false);
    }

    private static void WriteAtomically(string path, string pem, bool privateFile)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, pem + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, privateFile
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static X509Certificate2? LoadCurrent(string certificatePath, string keyPath, DateTimeOffset now, X509Certificate2? issuer = null)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            var current = certificate.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore
                && (issuer is null || certificate.Issuer == issuer.Subject && certificate.NotAfter <= issuer.NotAfter);
            if (current)
            {
                return certificate;
            }

            certificate.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
