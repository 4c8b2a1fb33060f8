using System.Diagnostics;
using System.Text.Json;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Shop.ServiceDefaults.Temporal;

/// <summary>
/// The W3C trace context (<c>traceparent</c>, <c>tracestate</c>) carried in one Temporal header, so
/// a trace continues from the process that starts or signals a workflow into the activities it
/// schedules. Same key and shape as Temporal's own OpenTelemetry extension (a string map, encoded
/// by the default payload converter), so either side could be swapped for it.
/// </summary>
public static class TraceHeader
{
    public const string Key = "_tracer-data";

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";

    /// <summary>
    /// <paramref name="headers"/> plus the header for <paramref name="activity"/>; unchanged without
    /// an activity or with a non-W3C one, which has no trace id to pass on.
    /// </summary>
    public static IDictionary<string, Payload>? With(IDictionary<string, Payload>? headers, Activity? activity)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return headers;
        }

        var context = activity.Context;
        var carrier = new Dictionary<string, string>
        {
            [TraceParent] = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}",
        };
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            carrier[TraceState] = context.TraceState;
        }

        // A copy: the caller's dictionary may be shared with other interceptors.
        return new Dictionary<string, Payload>(headers ?? new Dictionary<string, Payload>())
        {
            [Key] = DataConverter.Default.PayloadConverter.ToPayload(carrier),
        };
    }

    /// <summary>
    /// The remote parent carried by <paramref name="headers"/>. False when there is none or it is
    /// malformed: a broken header loses the link, never the work.
    /// </summary>
    public static bool TryRead(IReadOnlyDictionary<string, Payload>? headers, out ActivityContext parent)
    {
        parent = default;
        if (headers is null || !headers.TryGetValue(Key, out var payload))
        {
            return false;
        }

        Dictionary<string, string>? carrier;
        try
        {
            carrier = DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }

        return carrier is not null
            && carrier.TryGetValue(TraceParent, out var traceParent)
            && ActivityContext.TryParse(traceParent, carrier.GetValueOrDefault(TraceState), isRemote: true, out parent);
    }
}
