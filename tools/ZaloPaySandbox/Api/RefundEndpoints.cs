using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>
/// <c>POST /v2/refund</c> and <c>/v2/query_refund</c>. Refunds are asynchronous as at ZaloPay: the
/// refund answers 3 (processing) and query_refund says 1 once it settled, or 2 when it failed.
/// </summary>
public static partial class RefundEndpoints
{
    private static readonly string[] RefundRequired = ["m_refund_id", "zp_trans_id", "amount", "timestamp", "description"];
    private static readonly string[] RefundSigned = ["app_id", "zp_trans_id", "amount", "description", "timestamp"];
    private static readonly string[] QueryRequired = ["m_refund_id", "timestamp"];
    private static readonly string[] QuerySigned = ["app_id", "m_refund_id", "timestamp"];

    public static async Task<IResult> RefundAsync(
        HttpRequest http, IOptions<SandboxOptions> options, RefundDesk refunds, RequestCounters counters, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sandbox = options.Value;
        var request = await ApiRequest.ReadAsync(http, cancellationToken);
        if (ApiGuard.Check(request, sandbox, RefundRequired, RefundSigned) is { } refusal)
        {
            return refusal.ToResult();
        }

        var mRefundId = request!.Text("m_refund_id")!;
        if (!RefundIdFormat().IsMatch(mRefundId) || !mRefundId.Contains($"_{sandbox.AppId}_", StringComparison.Ordinal))
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidData, "m_refund_id must be yyMMdd_{app_id}_{suffix}.").ToResult();
        }

        if (request.Number("zp_trans_id") is not { } zpTransId || request.Number("amount") is not { } amount || request.Number("timestamp") is null)
        {
            return ApiReply.Refused(ZaloPayCodes.SubInvalidData, "zp_trans_id, amount and timestamp must be whole numbers.").ToResult();
        }

        var (refund, why, isNew) = refunds.Request(mRefundId, zpTransId, amount, request.Text("description")!);
        if (refund is null)
        {
            return (why switch
            {
                RefundRefusal.UnknownTransaction => ApiReply.Refused(ZaloPayCodes.SubNotFound, "No transaction has this zp_trans_id."),
                RefundRefusal.NotPaid => ApiReply.Refused(ZaloPayCodes.SubNotPaid, "The transaction is not paid."),
                RefundRefusal.DuplicateId => ApiReply.Refused(ZaloPayCodes.SubDuplicate, "m_refund_id was used for another refund."),
                _ => ApiReply.Refused(ZaloPayCodes.SubRefundRefused, "amount must be positive and at most what is left to refund."),
            }).ToResult();
        }

        if (isNew)
        {
            counters.RefundCreated();
        }

        return Answer(refund, clock.GetUtcNow()).ToResult();
    }

    public static async Task<IResult> QueryRefundAsync(
        HttpRequest http, IOptions<SandboxOptions> options, RefundDesk refunds, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await ApiRequest.ReadAsync(http, cancellationToken);
        if (ApiGuard.Check(request, options.Value, QueryRequired, QuerySigned) is { } refusal)
        {
            return refusal.ToResult();
        }

        return refunds.Find(request!.Text("m_refund_id")!) is { } refund
            ? Answer(refund, clock.GetUtcNow()).ToResult()
            : ApiReply.Refused(ZaloPayCodes.SubNotFound, "No refund has this m_refund_id.").ToResult();
    }

    private static RefundReply Answer(SandboxRefund refund, DateTimeOffset now) => refund.StatusAt(now) switch
    {
        RefundStatus.Refunded => new RefundReply(ZaloPayCodes.Success, ZaloPayCodes.SubSuccess, "Hoàn tiền thành công", refund.RefundId),
        RefundStatus.Failed => new RefundReply(ZaloPayCodes.Fail, ZaloPayCodes.SubRefundRefused, "Hoàn tiền thất bại", refund.RefundId),
        _ => new RefundReply(ZaloPayCodes.Processing, ZaloPayCodes.SubProcessing, "Hoàn tiền đang xử lý", refund.RefundId),
    };

    [GeneratedRegex(@"^\d{6}_\d+_[A-Za-z0-9_\-.]+$")]
    private static partial Regex RefundIdFormat();
}
