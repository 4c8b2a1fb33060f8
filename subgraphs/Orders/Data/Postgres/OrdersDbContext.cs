using Microsoft.EntityFrameworkCore;

namespace Shop.Orders.Data.Postgres;

public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public const string IdempotencyIndex = "ux_orders_customer_id_idempotency_key";
    public const string CodeIndex = "ux_orders_code";

    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<OrderRecord>();
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Code).HasMaxLength(16);
        order.Property(o => o.IdempotencyKey).HasMaxLength(64);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        order.Property(o => o.Total).HasPrecision(18, 0);
        order.Property(o => o.Lines).HasColumnType("jsonb");
        order.Property(o => o.History).HasColumnType("jsonb");
        order.Property(o => o.CancelReason).HasMaxLength(500);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.HasIndex(o => o.Code).IsUnique().HasDatabaseName(CodeIndex);
        order.HasIndex(o => new { o.CustomerId, o.IdempotencyKey }).IsUnique().HasDatabaseName(IdempotencyIndex);
        order.HasIndex(o => new { o.CustomerId, o.CreatedAt, o.Id }).IsDescending(false, true, true);
        order.HasIndex(o => new { o.CreatedAt, o.Id }).IsDescending(true, true);
        order.HasIndex(o => o.CreatedAt).HasFilter("NOT handed_off").HasDatabaseName("ix_orders_not_handed_off");
    }
}
