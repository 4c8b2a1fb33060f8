namespace Shop.Payments.ZaloPay;

/// <summary>ZaloPay did not answer, answered with an error page, or said it is busy: try again later.</summary>
public sealed class ZaloPayUnavailableException : Exception
{
    public ZaloPayUnavailableException()
        : base("ZaloPay is unavailable.")
    {
    }

    public ZaloPayUnavailableException(string message)
        : base(message)
    {
    }

    public ZaloPayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
