using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.ToTable("stock_adjustments");
        adjustment.HasKey(a => a.Id);
        adjustment.Property(a => a.Id).ValueGeneratedNever();
        adjustment.Property(a => a.Reason).HasMaxLength(500);
        adjustment.HasIndex(a => new { a.ProductId, a.CreatedAt });
        adjustment.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
