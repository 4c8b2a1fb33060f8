using Shop.Payments.Paying;
using Shop.Payments.Data.Postgres;

namespace Shop.Payments.Tests.Storage;

public sealed class PostgresPaymentRepositoryTests(PaymentsDatabase database) : PaymentRepositoryContract, IClassFixture<PaymentsDatabase>
{
    protected override IPaymentRepository Repository() => new PostgresPaymentRepository(database.CreateContextFactory());
}
