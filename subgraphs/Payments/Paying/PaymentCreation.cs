using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.Payments.ZaloPay;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Paying;

/// <summary>
/// Creates an order's payment, once. The attempt (its app_trans_id) is stored under a lease before
/// ZaloPay is asked, so a concurrent or retried CreatePayment waits for the leaseholder or, once the
/// lease ran out, asks ZaloPay again under the same app_trans_id: ZaloPay refuses a duplicate
/// app_trans_id, so it never holds two orders for one attempt, and the customer gets one order URL.
/// </summary>
public sealed partial class PaymentCreation(
    IPaymentRepository payments, ZaloPayClient zaloPay, IOptions<ZaloPayOptions> options, TimeProvider clock, ILogger<PaymentCreation> logger)
{
    /// <summary>How long a creator may take before another caller takes the attempt over; above ZaloPay's timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    // ZaloPay refuses an app_time more than 15 minutes old; an older unfinished attempt is replaced.
    private static readonly TimeSpan MaxAttemptAge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxRounds = 6;

    public async Task<Payment> CreateAsync(CreatePaymentCommand command, CancellationToken cancellationToken)
    {
        var code = PaymentRules.CheckedCode(command.OrderCode);
        PaymentRules.CheckedAmount(command.Amount, command.Currency);
        var description = PaymentRules.CheckedText(command.Description, PaymentRules.MaxDescriptionLength, "description", $"Shop - payment for order {code}");

        var now = clock.Now();
        var fresh = Payment.Open(command.OrderId, code, command.CustomerId, command.Amount, description, NewAttempt(code, 1, now), now);
        var mine = await payments.TryAddAsync(fresh, cancellationToken);
        var payment = mine ? fresh : await payments.GetAsync(command.OrderId, cancellationToken) ?? throw new InvalidOperationException("A payment clashed and then vanished.");
        SameRequest(payment, command);

        for (var round = 0; round < MaxRounds; round++)
        {
            var attempt = payment.CurrentAttempt;
            if (payment.Status != PaymentStatus.Pending || attempt.State != AttemptState.Creating)
            {
                return payment;
            }

            now = clock.Now();
            if (!mine && attempt.LeaseUntil > now)
            {
                payment = await WaitForLeaseholderAsync(payment, cancellationToken);
                continue;
            }

            if (!mine || now - attempt.CreatedAt > MaxAttemptAge)
            {
                (payment, mine) = await TakeOverAsync(payment, attempt, cancellationToken);
                continue;
            }

            payment = await AskZaloPayAsync(payment, attempt, cancellationToken);
        }

        throw new DomainException(new DomainError(PaymentErrors.ConcurrentUpdate, "The payment could not be created; try again."));
    }

    private PaymentAttempt NewAttempt(string code, int number, DateTimeOffset at)
        => new(ZaloPayIds.NewAppTransId(code, number, at), at, AttemptState.Creating, LeaseUntil: at + Lease);

    private static void SameRequest(Payment payment, CreatePaymentCommand command)
    {
        if (payment.Amount != command.Amount || payment.CustomerId != command.CustomerId)
        {
            throw new DomainException(new DomainError(PaymentErrors.Conflict,
                $"Order {payment.OrderCode} already has a payment of {payment.Amount} VND for another request."));
        }
    }

    private async Task<Payment> WaitForLeaseholderAsync(Payment payment, CancellationToken cancellationToken)
    {
        var attempt = payment.CurrentAttempt;
        while (true)
        {
            await Task.Delay(PollInterval, clock, cancellationToken);
            var now = await payments.GetAsync(payment.OrderId, cancellationToken) ?? payment;
            var current = now.CurrentAttempt;
            if (current.AppTransId != attempt.AppTransId || current.State != AttemptState.Creating || !(current.LeaseUntil > clock.Now()))
            {
                return now;
            }
        }
    }

    /// <summary>
    /// Takes the lease of an unfinished attempt whose creator gave up or died, keeping its
    /// app_trans_id; an attempt too old for ZaloPay's app_time window is abandoned for a new one.
    /// </summary>
    private async Task<(Payment Payment, bool Mine)> TakeOverAsync(Payment payment, PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var version = payment.Version;
        if (now - attempt.CreatedAt > MaxAttemptAge)
        {
            payment.UpdateAttempt(attempt with { State = AttemptState.Abandoned, LeaseUntil = null, Failure = "Never created at ZaloPay in time" }, now);
            payment.AddAttempt(NewAttempt(payment.OrderCode, payment.Attempts.Count + 1, now), now);
        }
        else
        {
            payment.UpdateAttempt(attempt with { LeaseUntil = now + Lease }, now);
        }

        return await payments.TryUpdateAsync(payment, version, cancellationToken)
            ? (payment, true)
            : (await payments.GetAsync(payment.OrderId, cancellationToken) ?? payment, false);
    }

    private async Task<Payment> AskZaloPayAsync(Payment payment, PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        ZaloPayCreated created;
        try
        {
            created = await zaloPay.CreateAsync(Order(payment, attempt), cancellationToken);
        }
        catch (Exception exception) when (exception is ZaloPayUnavailableException or OperationCanceledException)
        {
            // The next CreatePayment retries at once under the same app_trans_id instead of waiting out the lease.
            await ReleaseLeaseAsync(payment.OrderId, attempt.AppTransId);
            throw;
        }

        var now = clock.Now();
        return await payments.UpdateAsync(payment.OrderId, p =>
        {
            if (p.FindAttempt(attempt.AppTransId) is not { State: AttemptState.Creating } current)
            {
                return false;
            }

            switch (created.Outcome)
            {
                case CreateOutcome.Created:
                    p.UpdateAttempt(current with
                    {
                        State = AttemptState.Open,
                        LeaseUntil = null,
                        OrderUrl = created.OrderUrl,
                        ZpTransToken = created.ZpTransToken,
                        QrCode = created.QrCode,
                        ExpiresAt = now.AddSeconds(options.Value.ExpireSeconds),
                    }, now);
                    break;
                case CreateOutcome.Duplicate:
                    // An earlier create got through but its answer was lost: nobody has that order's URL,
                    // so nobody can pay it. A new attempt takes its place.
                    LogDuplicate(logger, attempt.AppTransId);
                    p.UpdateAttempt(current with { State = AttemptState.Abandoned, LeaseUntil = null, Failure = created.Message }, now);
                    p.AddAttempt(NewAttempt(p.OrderCode, p.Attempts.Count + 1, now), now);
                    break;
                default:
                    p.UpdateAttempt(current with { State = AttemptState.Failed, LeaseUntil = null, Failure = created.Message }, now);
                    if (p.Status == PaymentStatus.Pending)
                    {
                        p.MoveTo(PaymentStatus.Failed, $"ZaloPay refused the payment: {created.Message}", now);
                    }

                    break;
            }

            return true;
        }, cancellationToken);
    }

    private async Task ReleaseLeaseAsync(Guid orderId, string appTransId)
    {
        try
        {
            await payments.UpdateAsync(orderId, p =>
            {
                if (p.FindAttempt(appTransId) is not { State: AttemptState.Creating, LeaseUntil: not null } current)
                {
                    return false;
                }

                p.UpdateAttempt(current with { LeaseUntil = null }, clock.Now());
                return true;
            }, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lease runs out on its own; this only spares the next caller the wait.
            LogReleaseFailed(logger, exception, appTransId);
        }
    }

    private ZaloPayOrder Order(Payment payment, PaymentAttempt attempt)
    {
        var amount = (long)payment.Amount;
        var item = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object> { ["itemid"] = payment.OrderCode, ["itemname"] = $"Order {payment.OrderCode}", ["itemprice"] = amount, ["itemquantity"] = 1 },
        });
        var embed = new Dictionary<string, string> { ["merchantinfo"] = payment.OrderCode };
        if (options.Value.RedirectUrl is { } redirect)
        {
            embed["redirecturl"] = redirect.ToString();
        }

        return new ZaloPayOrder(attempt.AppTransId, payment.CustomerId.ToString("D"), attempt.CreatedAt, amount, payment.Description, item, JsonSerializer.Serialize(embed));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ZaloPay already had app_trans_id {AppTransId}; a new attempt replaces it")]
    private static partial void LogDuplicate(ILogger logger, string appTransId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lease of attempt {AppTransId}; it runs out on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string appTransId);
}
