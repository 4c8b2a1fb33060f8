using System.Security.Cryptography.X509Certificates;
using Shop.DevCerts;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Tls;

namespace Shop.Testing.Security;

/// <summary>
/// Certificates for internal gRPC in tests, made once per test process in a temporary directory:
/// the deployment CA with a certificate for every <see cref="ShopServices"/> name and for
/// <see cref="TestHost"/>, plus two that must be refused: <see cref="Stranger"/> (from another CA,
/// claiming to be the orchestrator) and <see cref="Expired"/> (the right CA, out of date).
/// </summary>
public sealed class TestCertificates
{
    /// <summary>Identity of helper hosts that are no Shop service.</summary>
    public const string TestHost = "test-host";

    /// <summary>CN "orchestrator", issued by a CA the deployment does not trust.</summary>
    public const string Stranger = "stranger";

    /// <summary>CN "orchestrator", issued by the deployment CA, expired yesterday.</summary>
    public const string Expired = "expired";

    private static readonly Lazy<TestCertificates> Instance = new(() => new TestCertificates(
        Path.Combine(Path.GetTempPath(), $"shop-certs-{Environment.ProcessId}-{Guid.NewGuid():N}")));

    private TestCertificates(string directory)
    {
        Directory = directory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        DevelopmentCertificates.Ensure(directory, [.. ShopServices.All, TestHost]);
        var now = DateTimeOffset.UtcNow;
        using (var foreign = DevelopmentCertificates.CreateAuthority("Somebody else's CA", now, TimeSpan.FromDays(2)))
        using (var stranger = DevelopmentCertificates.Issue(foreign, ShopServices.Orchestrator, now, TimeSpan.FromDays(1)))
        {
            DevelopmentCertificates.Write(stranger, CertificatePath(Stranger), KeyPath(Stranger));
        }

        using var authority = LoadAuthority();
        using var expired = DevelopmentCertificates.Issue(authority, ShopServices.Orchestrator, now.AddMinutes(-50), TimeSpan.FromMinutes(20));
        DevelopmentCertificates.Write(expired, CertificatePath(Expired), KeyPath(Expired));
    }

    public static TestCertificates Shared => Instance.Value;

    public string Directory { get; }

    public string CaPath => Path.Combine(Directory, "ca.crt");

    public string CertificatePath(string identity) => Path.Combine(Directory, $"{identity}.crt");

    public string KeyPath(string identity) => Path.Combine(Directory, $"{identity}.key");

    /// <summary>An identity's certificate with its private key.</summary>
    public X509Certificate2 Load(string identity) => X509Certificate2.CreateFromPemFile(CertificatePath(identity), KeyPath(identity));

    /// <summary>The deployment CA with its key, to issue more certificates in a test.</summary>
    public X509Certificate2 LoadAuthority() => X509Certificate2.CreateFromPemFile(CaPath, Path.Combine(Directory, "ca.key"));

    /// <summary>The <c>Shop:Tls</c> settings of a process running as <paramref name="identity"/>.</summary>
    public Dictionary<string, string?> Settings(string identity) => new()
    {
        ["Shop:Tls:CertificatePath"] = CertificatePath(identity),
        ["Shop:Tls:KeyPath"] = KeyPath(identity),
        ["Shop:Tls:CaPath"] = CaPath,
    };

    /// <summary>The <c>Shop:Tls</c> options of a process running as <paramref name="identity"/>.</summary>
    public TlsOptions Options(string identity) => new()
    {
        CertificatePath = CertificatePath(identity),
        KeyPath = KeyPath(identity),
        CaPath = CaPath,
    };

    /// <summary>
    /// A copy of the CA and of <paramref name="identities"/>' files in a new directory, for a test
    /// that rewrites them (rotation) without disturbing the others.
    /// </summary>
    public string CopyTo(string directory, params string[] identities)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.Copy(CaPath, Path.Combine(directory, "ca.crt"), overwrite: true);
        File.Copy(Path.Combine(Directory, "ca.key"), Path.Combine(directory, "ca.key"), overwrite: true);
        foreach (var identity in identities)
        {
            File.Copy(CertificatePath(identity), Path.Combine(directory, $"{identity}.crt"), overwrite: true);
            File.Copy(KeyPath(identity), Path.Combine(directory, $"{identity}.key"), overwrite: true);
        }

        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary directory left behind is harmless.
        }
    }
}
