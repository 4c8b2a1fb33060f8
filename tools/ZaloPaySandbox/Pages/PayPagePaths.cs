namespace Shop.ZaloPaySandbox.Pages;

/// <summary>Where an order's pay page and its two buttons live; the token is the zp_trans_token.</summary>
public static class PayPagePaths
{
    public const string Page = "/pay/{token}";
    public const string Pay = "/pay/{token}/pay";
    public const string Fail = "/pay/{token}/fail";

    public static string For(string token) => $"/pay/{Uri.EscapeDataString(token)}";
}
