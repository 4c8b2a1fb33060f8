using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> image)
    {
        image.ToTable("product_images");
        image.HasKey(i => i.Id);
        image.Property(i => i.Id).ValueGeneratedNever();
        image.Property(i => i.Url).HasMaxLength(2048);
        image.Property(i => i.AltText).HasMaxLength(300);
        image.HasIndex(i => new { i.ProductId, i.Position }).IsUnique();

        // At most one primary image per product, whatever the application does.
        image.HasIndex(i => i.ProductId).IsUnique().HasFilter("is_primary").HasDatabaseName("ux_product_images_primary");
    }
}
