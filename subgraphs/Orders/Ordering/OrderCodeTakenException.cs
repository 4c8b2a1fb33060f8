namespace Shop.Orders.Ordering;

/// <summary>Another order already has the drawn code.</summary>
public sealed class OrderCodeTakenException : Exception
{
    public OrderCodeTakenException()
        : base("The order code is taken.")
    {
    }

    public OrderCodeTakenException(string message)
        : base(message)
    {
    }

    public OrderCodeTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
