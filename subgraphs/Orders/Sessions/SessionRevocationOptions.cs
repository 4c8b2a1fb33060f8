namespace Shop.Orders.Sessions;

/// <summary>The <c>Shop:SessionRevocations</c> section: how orders keeps its stream of revoked sessions from users.</summary>
public sealed class SessionRevocationOptions
{
    public const string SectionName = "Shop:SessionRevocations";

    /// <summary>
    /// Silence after which the stream counts as dead and is opened again; users sends a heartbeat
    /// every 15 s by default, so this is three of them.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The first wait before reconnecting; it doubles with each failure in a row.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);
}
