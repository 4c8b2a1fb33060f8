using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Users.Data.Configurations;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("refresh_token_families");
        builder.HasKey(family => family.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(family => family.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(family => family.UserId);
        // Revocation watchers page through revoked sessions by (revoked_at, id); live ones are not indexed.
        builder.HasIndex(family => new { family.RevokedAt, family.Id }).HasFilter("revoked_at IS NOT NULL");
        builder.Property(family => family.RevokedReason).HasMaxLength(32);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(token => token.Id);
        builder.HasOne<RefreshTokenFamily>().WithMany().HasForeignKey(token => token.FamilyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(token => token.FamilyId);
        builder.HasIndex(token => token.TokenHash).IsUnique();
        builder.Property(token => token.TokenHash).HasMaxLength(32);
    }
}
