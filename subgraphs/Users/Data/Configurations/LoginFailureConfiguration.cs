using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Users.Data.Configurations;

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.ToTable("login_failures");
        builder.HasKey(failure => failure.Id);
        builder.Property(failure => failure.Id).UseIdentityAlwaysColumn();
        builder.Property(failure => failure.Key).HasMaxLength(300);
        builder.HasIndex(failure => new { failure.Key, failure.FailedAt });
        builder.HasIndex(failure => failure.FailedAt);
    }
}
