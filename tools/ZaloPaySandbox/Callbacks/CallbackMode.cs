using System.Text.Json.Serialization;

namespace Shop.ZaloPaySandbox.Callbacks;

/// <summary>How the next callbacks are delivered; the ways a real network and ZaloPay misbehave.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackMode>))]
public enum CallbackMode
{
    /// <summary>Sent at once, retried on a non-1 reply or a transport error.</summary>
    Normal,

    /// <summary>Never sent: the merchant must find out by querying.</summary>
    Drop,

    /// <summary>Sent several times at once, to test that only one changes anything.</summary>
    Duplicate,

    /// <summary>Sent after a delay, so a query can see the payment first.</summary>
    Delay,

    /// <summary>Kept until the control API releases it, possibly in reverse order.</summary>
    Hold,
}

/// <summary>How one callback is to be delivered.</summary>
public sealed record CallbackPlan(CallbackMode Mode, int Copies, TimeSpan Delay)
{
    public static readonly CallbackPlan Normal = new(CallbackMode.Normal, 1, TimeSpan.Zero);
}

/// <summary>A signed callback ready to post: the body is fixed once, so every retry and copy is byte-identical.</summary>
public sealed record CallbackMessage(Uri Url, string Body);
