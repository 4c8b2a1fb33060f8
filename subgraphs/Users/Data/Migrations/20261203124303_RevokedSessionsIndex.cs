using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Users.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevokedSessionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_refresh_token_families_revoked_at_id",
                table: "refresh_token_families",
                columns: new[] { "revoked_at", "id" },
                filter: "revoked_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_refresh_token_families_revoked_at_id",
                table: "refresh_token_families");
        }
    }
}
