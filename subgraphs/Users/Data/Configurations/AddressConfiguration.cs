using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Users.Data.Configurations;

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("addresses");
        builder.HasKey(address => address.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(address => address.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(address => address.UserId);
        // The database, not only the code, holds every user to one default address at most.
        builder.HasIndex(address => address.UserId, "ix_addresses_user_id_default").IsUnique().HasFilter("is_default")
            .HasDatabaseName("ix_addresses_user_id_default");
        builder.Property(address => address.RecipientName).HasMaxLength(100);
        builder.Property(address => address.Phone).HasMaxLength(20);
        builder.Property(address => address.Line1).HasMaxLength(200);
        builder.Property(address => address.Line2).HasMaxLength(200);
        builder.Property(address => address.City).HasMaxLength(100);
        builder.Property(address => address.Region).HasMaxLength(100);
        builder.Property(address => address.PostalCode).HasMaxLength(20);
        builder.Property(address => address.CountryCode).HasMaxLength(2).IsFixedLength();
    }
}
