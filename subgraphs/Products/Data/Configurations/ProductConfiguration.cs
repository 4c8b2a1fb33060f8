using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    /// <summary>
    /// ICU's root collation sorts names the way people expect ("Áo" next to "Ao", case ignored
    /// before it decides), and it is deterministic, so keyset comparisons agree with ORDER BY.
    /// </summary>
    public const string NameCollation = "und-x-icu";

    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products", table => table.HasCheckConstraint("ck_products_price_positive", "price > 0"));
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.Property(p => p.Sku).HasMaxLength(64);
        product.HasIndex(p => p.Sku).IsUnique();
        product.Property(p => p.Name).HasMaxLength(200).UseCollation(NameCollation);
        product.Property(p => p.Description).HasMaxLength(5000);
        product.Property(p => p.Price).HasPrecision(15, 0);

        // Keyset pagination walks these (sort key, id) pairs.
        product.HasIndex(p => new { p.Name, p.Id });
        product.HasIndex(p => new { p.Price, p.Id });
        product.HasIndex(p => new { p.CreatedAt, p.Id });

        product.HasOne(p => p.Stock).WithOne().HasForeignKey<StockLevel>(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.CategoryLinks).WithOne().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
