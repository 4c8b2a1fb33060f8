namespace Shop.ZaloPaySandbox;

/// <summary>
/// The <c>Sandbox</c> section. The merchant defaults are ZaloPay's public sandbox merchant, published
/// in ZaloPay's docs for testing, so the payments service's Development settings work unchanged.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public const int DefaultPort = 5080;

    /// <summary>Port of the standalone app; ignored when ASPNETCORE_URLS (or --urls) is set.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Loopback by default: the sandbox accepts any payment, it must not face a network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public int AppId { get; set; } = 2553;

    /// <summary>Verifies what merchants send (create, query, refund, query refund).</summary>
    public string Key1 { get; set; } = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";

    /// <summary>Signs the callbacks the sandbox sends.</summary>
    public string Key2 { get; set; } = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";

    /// <summary>Origin put in order_url; the request's own origin when unset.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The <c>/control</c> API for tests; on by default because the sandbox is a dev tool.</summary>
    public bool EnableControl { get; set; } = true;

    /// <summary>ZaloPay refuses expire_duration_seconds below 300; tests lower this to watch orders expire.</summary>
    public int MinExpireSeconds { get; set; } = 300;

    public int MaxExpireSeconds { get; set; } = 2_592_000;

    /// <summary>Used when create omits expire_duration_seconds (ZaloPay's 15 minutes).</summary>
    public int DefaultExpireSeconds { get; set; } = 900;

    /// <summary>Longest one callback attempt may take before it counts as a transport error.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between callback attempts.</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a refund stays "processing" before query_refund reports it done.</summary>
    public TimeSpan RefundSettleDelay { get; set; } = TimeSpan.FromSeconds(2);
}
