using Microsoft.EntityFrameworkCore;

namespace Shop.Payments.Data.Postgres;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    public DbSet<PaymentRecord> Payments => Set<PaymentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var payment = modelBuilder.Entity<PaymentRecord>();
        payment.ToTable("payments");
        payment.HasKey(p => p.OrderId);
        payment.Property(p => p.OrderCode).HasMaxLength(32);
        payment.Property(p => p.Amount).HasPrecision(18, 0);
        payment.Property(p => p.Description).HasMaxLength(256);
        payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        payment.Property(p => p.Attempts).HasColumnType("jsonb");
        payment.Property(p => p.Refunds).HasColumnType("jsonb");
        payment.Property(p => p.History).HasColumnType("jsonb");
        payment.Property(p => p.ZpTransId).HasMaxLength(40);
        payment.Property(p => p.Version).IsConcurrencyToken();
        // Callbacks find their payment by any attempt's app_trans_id: a containment query on this index.
        payment.HasIndex(p => p.Attempts).HasMethod("gin").HasOperators("jsonb_path_ops").HasDatabaseName("ix_payments_attempts");
        payment.HasIndex(p => new { p.CreatedAt, p.OrderId }).IsDescending(true, true);
        payment.HasIndex(p => new { p.Status, p.CreatedAt, p.OrderId }).IsDescending(false, true, true);
        payment.HasIndex(p => p.UpdatedAt, "ix_payments_notify_pending").HasFilter("notify_pending");
        payment.HasIndex(p => p.UpdatedAt, "ix_payments_refunds_pending").HasFilter("refunds_pending");
    }
}
