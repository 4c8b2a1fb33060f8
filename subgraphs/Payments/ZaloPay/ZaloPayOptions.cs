using System.ComponentModel.DataAnnotations;

namespace Shop.Payments.ZaloPay;

/// <summary>
/// The <c>ZaloPay</c> section: which ZaloPay (the real sandbox, production, or the local emulator)
/// and which merchant app. Keys come from configuration or the environment and are never logged.
/// </summary>
public sealed class ZaloPayOptions
{
    public const string SectionName = "ZaloPay";

    /// <summary>ZaloPay's API root, e.g. https://sb-openapi.zalopay.vn or the local sandbox http://127.0.0.1:5080.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    [Range(1, int.MaxValue)]
    public int AppId { get; set; }

    /// <summary>Signs what we send (create, query, refund).</summary>
    [Required]
    public string Key1 { get; set; } = string.Empty;

    /// <summary>Verifies what ZaloPay sends (callbacks).</summary>
    [Required]
    public string Key2 { get; set; } = string.Empty;

    /// <summary>Where ZaloPay posts callbacks: the gateway's public /payments/zalopay/callback.</summary>
    [Required]
    public Uri? CallbackUrl { get; set; }

    /// <summary>Where the customer's browser goes after paying; ZaloPay's default page when unset.</summary>
    public Uri? RedirectUrl { get; set; }

    /// <summary>How long the customer has to pay (ZaloPay allows 300 s to 30 days).</summary>
    [Range(300, 2_592_000)]
    public int ExpireSeconds { get; set; } = 900;

    /// <summary>Longest one ZaloPay operation may take, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest one HTTP attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long before a gRPC caller's deadline a ZaloPay call is given up, so the caller hears
    /// UNAVAILABLE (try again) rather than its own timeout.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Retries of a failed HTTP attempt (every ZaloPay call we make is safe to repeat).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;
}
