namespace Shop.ZaloPaySandbox.Api;

/// <summary>The checks every endpoint makes in the same order: readable, complete, our app, signed.</summary>
public static class ApiGuard
{
    /// <summary>A refusal, or null when the request may go on.</summary>
    public static ApiReply? Check(ApiRequest? request, SandboxOptions merchant, string[] required, string[] signed)
    {
        if (request is null)
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidData, "The body must be form-encoded (or a JSON object).");
        }

        if (request.Missing([.. required, "app_id", "mac"]) is { } missing)
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidData, $"{missing} is required.");
        }

        if (!request.IsApp(merchant.AppId))
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidApp, "app_id is not a known merchant app.");
        }

        return request.SignedWith(merchant.Key1, signed)
            ? null
            : ApiReply.Refused(ZaloPayCodes.SubInvalidMac, "mac is not valid.");
    }
}
