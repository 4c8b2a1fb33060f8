namespace Shop.Products.Data;

/// <summary>The stored spelling of <see cref="ReservationState"/>, shared by EF Core and the inventory's SQL.</summary>
public static class StoredReservationState
{
    public const string Held = "HELD";
    public const string Committed = "COMMITTED";
    public const string Released = "RELEASED";
    public const string Rejected = "REJECTED";

    public static string ToDb(this ReservationState state) => state switch
    {
        ReservationState.Held => Held,
        ReservationState.Committed => Committed,
        ReservationState.Released => Released,
        ReservationState.Rejected => Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown reservation state."),
    };

    public static ReservationState Parse(string value) => value switch
    {
        Held => ReservationState.Held,
        Committed => ReservationState.Committed,
        Released => ReservationState.Released,
        Rejected => ReservationState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown stored reservation state."),
    };
}
