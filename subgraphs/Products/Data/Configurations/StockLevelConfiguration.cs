using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> stock)
    {
        // The last line of defence: no statement can leave negative or over-reserved stock behind.
        stock.ToTable("stock", table =>
        {
            table.HasCheckConstraint("ck_stock_reserved_not_negative", "reserved >= 0");
            table.HasCheckConstraint("ck_stock_reserved_within_total", "reserved <= total");
        });
        stock.HasKey(s => s.ProductId);
        stock.Ignore(s => s.Available);
    }
}
