namespace Shop.Products.Inventory;

public sealed partial class InventoryLedger
{
    /// <summary>The inventory's statements; positional parameters, table and column names as the migrations spell them.</summary>
    private static class Sql
    {
        public const string Claim = """
            INSERT INTO reservations (order_id, state, created_at, updated_at) VALUES ($1, $2, $3, $3)
            ON CONFLICT (order_id) DO NOTHING
            """;

        public const string ReadReservation = """
            SELECT r.state, r.refusal_code, r.refusal_message, l.product_id, l.quantity, l.short_available
            FROM reservations r JOIN reservation_lines l ON l.order_id = r.order_id
            WHERE r.order_id = $1
            """;

        // ORDER BY under FOR UPDATE locks the rows in product id order.
        public const string LockMany = """
            SELECT s.product_id, s.total, s.reserved, p.active
            FROM stock s JOIN products p ON p.id = s.product_id
            WHERE s.product_id = ANY($1)
            ORDER BY s.product_id
            FOR UPDATE OF s
            """;

        public const string Hold = """
            UPDATE stock AS s SET reserved = s.reserved + l.quantity, updated_at = $3
            FROM unnest($1::uuid[], $2::integer[]) AS l(product_id, quantity)
            WHERE s.product_id = l.product_id
            """;

        public const string Reject = """
            UPDATE reservations SET state = $2, refusal_code = $3, refusal_message = $4, updated_at = $5 WHERE order_id = $1
            """;

        public const string InsertLines = """
            INSERT INTO reservation_lines (order_id, product_id, quantity, short_available)
            SELECT $1, l.product_id, l.quantity, l.short_available
            FROM unnest($2::uuid[], $3::integer[], $4::integer[]) AS l(product_id, quantity, short_available)
            """;

        public const string LockReservation = "SELECT state FROM reservations WHERE order_id = $1 FOR UPDATE";

        public const string LockLines = """
            SELECT s.product_id FROM stock s
            WHERE s.product_id IN (SELECT l.product_id FROM reservation_lines l WHERE l.order_id = $1)
            ORDER BY s.product_id
            FOR UPDATE
            """;

        public const string Commit = """
            UPDATE stock AS s SET total = s.total - l.quantity, reserved = s.reserved - l.quantity, updated_at = $2
            FROM reservation_lines l
            WHERE l.order_id = $1 AND s.product_id = l.product_id
            """;

        public const string Release = """
            UPDATE stock AS s SET reserved = s.reserved - l.quantity, updated_at = $2
            FROM reservation_lines l
            WHERE l.order_id = $1 AND s.product_id = l.product_id
            """;

        public const string SetState = "UPDATE reservations SET state = $2, updated_at = $3 WHERE order_id = $1";

        public const string LockOne = "SELECT total, reserved FROM stock WHERE product_id = $1 FOR UPDATE";

        public const string SetTotal = "UPDATE stock SET total = $2, updated_at = $3 WHERE product_id = $1";

        public const string InsertAdjustment = """
            INSERT INTO stock_adjustments (id, product_id, previous_total, new_total, reason, actor_id, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """;
    }
}
