using System.Security.Cryptography.X509Certificates;

namespace Shop.ServiceDefaults.Tls;

/// <summary>Which service a certificate belongs to: its subject common name (CN).</summary>
public static class ServiceIdentity
{
    public static string? Of(X509Certificate2? certificate)
    {
        var name = certificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
