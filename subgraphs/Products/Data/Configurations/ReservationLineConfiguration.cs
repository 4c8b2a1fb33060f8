using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class ReservationLineConfiguration : IEntityTypeConfiguration<ReservationLine>
{
    public void Configure(EntityTypeBuilder<ReservationLine> line)
    {
        line.ToTable("reservation_lines", table => table.HasCheckConstraint("ck_reservation_lines_quantity_positive", "quantity > 0"));
        line.HasKey(l => new { l.OrderId, l.ProductId });
        line.HasIndex(l => l.ProductId);
        line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
