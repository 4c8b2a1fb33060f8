using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> reservation)
    {
        reservation.ToTable("reservations", table => table.HasCheckConstraint(
            "ck_reservations_state",
            $"state IN ('{StoredReservationState.Held}', '{StoredReservationState.Committed}', '{StoredReservationState.Released}', '{StoredReservationState.Rejected}')"));

        // The order id is the key: a concurrent repeat of the same Reserve waits on, then sees, the first.
        reservation.HasKey(r => r.OrderId);
        reservation.Property(r => r.OrderId).ValueGeneratedNever();
        reservation.Property(r => r.State).HasMaxLength(16).HasConversion(state => state.ToDb(), value => StoredReservationState.Parse(value));
        reservation.Property(r => r.RefusalCode).HasMaxLength(64);
        reservation.Property(r => r.RefusalMessage);
        reservation.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
