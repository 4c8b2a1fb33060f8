using Shop.ServiceDefaults.Auth;

namespace Shop.Products.Catalog;

/// <summary>
/// Who sees what: archived products are visible to admins only. Everyone else, signed in or not,
/// sees active products in lists and lookups. Federation references resolve either way, since the
/// subgraph that holds the reference (an order line) already decided the caller may see it.
/// </summary>
public static class Visibility
{
    public static bool SeesArchived(Caller? caller) => caller?.IsAdmin == true;
}
