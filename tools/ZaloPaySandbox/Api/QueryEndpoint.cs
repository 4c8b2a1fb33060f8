using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Api;

/// <summary><c>POST /v2/query</c>: 1 paid, 2 failed (or expired: -54, or unknown: -92), 3 not paid yet.</summary>
public static class QueryEndpoint
{
    private static readonly string[] Required = ["app_trans_id"];
    private static readonly string[] Signed = ["app_id", "app_trans_id", "key1"];

    public static async Task<IResult> HandleAsync(
        HttpRequest http, IOptions<SandboxOptions> options, OrderBook orders, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await ApiRequest.ReadAsync(http, cancellationToken);
        if (ApiGuard.Check(request, options.Value, Required, Signed) is { } refusal)
        {
            return refusal.ToResult();
        }

        var order = orders.Find(request!.Text("app_trans_id")!);
        if (order is null)
        {
            return ApiReply.Refused(ZaloPayCodes.SubNotFound, "No order has this app_trans_id.").ToResult();
        }

        var state = order.Snapshot(clock.GetUtcNow());
        var reply = state.Status switch
        {
            OrderStatus.Paid => new QueryReply(
                ZaloPayCodes.Success, ZaloPayCodes.SubSuccess, "Giao dịch thành công", false, state.Amount, state.ZpTransId ?? 0,
                state.PaidAt?.ToUnixTimeMilliseconds() ?? 0, 0),
            OrderStatus.Failed => Unpaid(ZaloPayCodes.Fail, ZaloPayCodes.SubPaymentFailed, "Giao dịch thất bại", state),
            OrderStatus.Expired => Unpaid(ZaloPayCodes.Fail, ZaloPayCodes.SubExpired, "Giao dịch hết hạn", state),
            _ => Unpaid(ZaloPayCodes.Processing, ZaloPayCodes.SubProcessing, "Giao dịch chưa thanh toán hoặc đang xử lý", state),
        };
        return reply.ToResult();
    }

    private static QueryReply Unpaid(int code, int subCode, string message, OrderState state)
        => new(code, subCode, message, false, state.Amount, 0, 0, 0);
}
