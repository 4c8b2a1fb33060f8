using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Payments.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    attempts = table.Column<string>(type: "jsonb", nullable: false),
                    refunds = table.Column<string>(type: "jsonb", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    zp_trans_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notify_pending = table.Column<bool>(type: "boolean", nullable: false),
                    refunds_pending = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.order_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_attempts",
                table: "payments",
                column: "attempts")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_created_at_order_id",
                table: "payments",
                columns: new[] { "created_at", "order_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_payments_status_created_at_order_id",
                table: "payments",
                columns: new[] { "status", "created_at", "order_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_payments_updated_at",
                table: "payments",
                column: "updated_at",
                filter: "notify_pending");

            migrationBuilder.CreateIndex(
                name: "ix_payments_updated_at1",
                table: "payments",
                column: "updated_at",
                filter: "refunds_pending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments");
        }
    }
}
