using System.Text.Json.Serialization;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>The four ZaloPay endpoints, named for counters and faults.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiEndpoint>))]
public enum ApiEndpoint
{
    Create,
    Query,
    Refund,
    QueryRefund,
}
