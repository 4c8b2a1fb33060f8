using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Products.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("categories");
        category.HasKey(c => c.Id);
        category.Property(c => c.Id).ValueGeneratedNever();
        category.Property(c => c.Slug).HasMaxLength(64);
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Name).HasMaxLength(100).UseCollation(ProductConfiguration.NameCollation);
    }
}
