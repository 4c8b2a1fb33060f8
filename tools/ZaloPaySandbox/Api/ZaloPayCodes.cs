namespace Shop.ZaloPaySandbox.Api;

/// <summary>
/// The return and sub return codes the sandbox answers with. -68 (duplicate app_trans_id), -54
/// (TIME_INVALID, expired) and -429/-500/-999 (busy) are the ones the payments client acts on and
/// follow ZaloPay; the others only need to be distinct and non-1, and are the sandbox's choice.
/// </summary>
public static class ZaloPayCodes
{
    public const int Success = 1;
    public const int Fail = 2;
    public const int Processing = 3;

    public const int SubSuccess = 1;
    public const int SubProcessing = 3;
    public const int SubInvalidData = -401;
    public const int SubInvalidMac = -402;
    public const int SubInvalidApp = -405;
    public const int SubExpired = -54;
    public const int SubDuplicate = -68;
    public const int SubNotFound = -92;
    public const int SubPaymentFailed = -101;
    public const int SubNotPaid = -103;
    public const int SubRefundRefused = -104;
    public const int SubSystemError = -500;
}
