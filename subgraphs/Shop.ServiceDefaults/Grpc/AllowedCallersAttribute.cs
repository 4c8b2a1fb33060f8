namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// The services (by certificate identity, see <see cref="ShopServices"/>) allowed to call a gRPC
/// service's methods. On a method it replaces the class's list; a method without any list is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AllowedCallersAttribute(params string[] services) : Attribute
{
    public IReadOnlyList<string> Services { get; } = services;

    /// <summary>Any service holding a certificate of the deployment's CA, such as health probes.</summary>
    public bool AnyService { get; init; }

    public bool Allows(string caller) => AnyService || Services.Contains(caller, StringComparer.Ordinal);
}
