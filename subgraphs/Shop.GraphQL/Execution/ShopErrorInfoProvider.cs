using GraphQL.Execution;

namespace Shop.GraphQL.Execution;

/// <summary>Error serialization: a code in extensions, the trace id of masked errors, no exception detail.</summary>
internal sealed class ShopErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = false,
    ExposeExceptionDetails = false,
    ExposeExtensions = true,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is MaskedError masked)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["traceId"] = masked.TraceId;
        }

        return info;
    }
}
