using Shop.Domain;

namespace Shop.Orders.Ordering;

/// <summary>The reason stored with a cancellation request or a status change: free text, checked like every other.</summary>
public static class OrderReason
{
    /// <summary>Longest reason, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>The trimmed reason, or <paramref name="fallback"/> when none is given; throws when it is not acceptable text.</summary>
    public static string Checked(string? raw, string? fallback = null)
    {
        var errors = new List<DomainError>();
        var reason = fallback is null
            ? TextInput.Required(raw, "reason", MaxLength, OrderErrors.InvalidReason, errors, multiline: true)
            : TextInput.Optional(raw, "reason", MaxLength, OrderErrors.InvalidReason, errors, multiline: true) ?? fallback;
        return errors.Count > 0 ? throw new DomainException(errors) : reason!;
    }
}
