namespace Shop.ServiceDefaults;

/// <summary>
/// The names Shop's processes are known by: in configuration (<c>Shop:Services:{name}</c>), in the
/// subject CN of their internal certificates, and in the allow-lists of gRPC methods.
/// </summary>
public static class ShopServices
{
    public const string Users = "users";
    public const string Products = "products";
    public const string Orders = "orders";
    public const string Payments = "payments";
    public const string Orchestrator = "orchestrator";

    /// <summary>Every service that gets a certificate, including those without a gRPC server.</summary>
    public static IReadOnlyList<string> All { get; } = [Users, Products, Orders, Payments, Orchestrator];
}
