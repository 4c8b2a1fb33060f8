using Shop.Payments.Paying;
using Shop.Payments.Tests.Storage;

namespace Shop.Payments.Tests.Domain;

public sealed class PaymentTests
{
    [Fact]
    public void ReceiveMoney_Pending_BecomesPaidAndIsToBeNotified()
    {
        var payment = PaymentFactory.Open();

        var outcome = payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => throw new InvalidOperationException("no refund expected"));

        Assert.Equal(MoneyOutcome.Paid, outcome);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("261101000000001", payment.ZpTransId);
        Assert.True(payment.NotifyPending);
        Assert.Equal((PaymentStatus.Pending, PaymentStatus.Paid), (payment.History[^1].From!.Value, payment.History[^1].To));
    }

    [Fact]
    public void ReceiveMoney_SameTransactionAgain_ChangesNothing()
    {
        var payment = PaymentFactory.Open();
        payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => "r");
        var version = payment.Version;

        var outcome = payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => "r2");

        Assert.Equal(MoneyOutcome.AlreadyKnown, outcome);
        Assert.Equal(version, payment.Version);
        Assert.Empty(payment.Refunds);
    }

    [Theory]
    [InlineData(PaymentStatus.Cancelled)]
    [InlineData(PaymentStatus.Expired)]
    [InlineData(PaymentStatus.Failed)]
    public void ReceiveMoney_AfterTheGiveUp_GoesBack(PaymentStatus givenUp)
    {
        var payment = PaymentFactory.Open();
        payment.MoveTo(givenUp, "gave up", PaymentFactory.Next());

        var outcome = payment.ReceiveMoney("261101000000002", PaymentFactory.Next(), () => "261101_2553_R1");

        Assert.Equal(MoneyOutcome.Refunding, outcome);
        Assert.Equal(PaymentStatus.RefundPending, payment.Status);
        Assert.False(payment.NotifyPending);
        var refund = Assert.Single(payment.Refunds);
        Assert.Equal(("261101_2553_R1", "261101000000002", payment.Amount, RefundState.Pending), (refund.MRefundId, refund.ZpTransId, refund.Amount, refund.State));
    }

    [Fact]
    public void ReceiveMoney_SecondTransactionOfAPaidPayment_RefundsOnlyTheSecond()
    {
        var payment = PaymentFactory.Open();
        payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => "r");

        var outcome = payment.ReceiveMoney("261101000000009", PaymentFactory.Next(), () => "261101_2553_R9");

        Assert.Equal(MoneyOutcome.Refunding, outcome);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("261101000000001", payment.ZpTransId);
        Assert.Equal("261101000000009", Assert.Single(payment.Refunds).ZpTransId);
    }

    [Fact]
    public void UpdateRefund_Succeeded_EndsRefundedOnlyForThePaymentsOwnMoney()
    {
        var payment = PaymentFactory.Open();
        payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => "r");
        payment.ReceiveMoney("261101000000009", PaymentFactory.Next(), () => "extra");
        payment.RequestRefund("out of stock", "own", PaymentFactory.Next());

        payment.UpdateRefund(payment.Refunds.Single(r => r.MRefundId == "extra") with { State = RefundState.Succeeded }, PaymentFactory.Next());
        Assert.Equal(PaymentStatus.RefundPending, payment.Status);

        payment.UpdateRefund(payment.Refunds.Single(r => r.MRefundId == "own") with { State = RefundState.Succeeded }, PaymentFactory.Next());
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.False(payment.RefundsPending);
    }

    [Fact]
    public void RequestRefund_Twice_RefundsOnce()
    {
        var payment = PaymentFactory.Open();
        payment.ReceiveMoney("261101000000001", PaymentFactory.Next(), () => "r");

        Assert.True(payment.RequestRefund("out of stock", "a", PaymentFactory.Next()));
        Assert.False(payment.RequestRefund("out of stock", "b", PaymentFactory.Next()));

        Assert.Single(payment.Refunds);
    }

    [Theory]
    [InlineData(PaymentStatus.Pending, PaymentStatus.Paid, true)]
    [InlineData(PaymentStatus.Pending, PaymentStatus.Refunded, false)]
    [InlineData(PaymentStatus.Paid, PaymentStatus.Cancelled, false)]
    [InlineData(PaymentStatus.Cancelled, PaymentStatus.Paid, false)]
    [InlineData(PaymentStatus.Expired, PaymentStatus.RefundPending, true)]
    [InlineData(PaymentStatus.Refunded, PaymentStatus.RefundPending, false)]
    public void Lifecycle_OnlyMovesForward(PaymentStatus from, PaymentStatus to, bool allowed)
        => Assert.Equal(allowed, PaymentLifecycle.CanMove(from, to));
}
