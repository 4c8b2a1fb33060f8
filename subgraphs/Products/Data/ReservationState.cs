namespace Shop.Products.Data;

/// <summary>Where a reservation is; stored as the upper-case name (see <see cref="StoredReservationState"/>).</summary>
public enum ReservationState
{
    Held,
    Committed,
    Released,
    Rejected,
}
