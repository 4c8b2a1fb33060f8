using System.Security.Claims;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Counts the live subscriptions of each signed-in user (by token subject) over this instance's
/// WebSocket and SSE streams, so one account cannot hold an unbounded number of event sources.
/// Anonymous callers have no user to count; their connections' own caps bound them.
/// </summary>
public sealed class SubscriptionSlots(IOptions<GraphQLOptions> options)
{
    public const string Code = "TOO_MANY_SUBSCRIPTIONS";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);

    /// <summary>A slot for one more subscription of <paramref name="user"/>, or null when they already hold the most allowed.</summary>
    public IDisposable? TryTake(ClaimsPrincipal user)
    {
        var subject = user.Identity?.IsAuthenticated == true ? user.FindFirst(ShopClaims.Subject)?.Value : null;
        if (subject is null)
        {
            return new Slot(this, null);
        }

        lock (_gate)
        {
            _perUser.TryGetValue(subject, out var held);
            if (held >= options.Value.MaxSubscriptionsPerUser)
            {
                return null;
            }

            _perUser[subject] = held + 1;
        }

        return new Slot(this, subject);
    }

    /// <summary>The refusal a client gets over the per-user cap.</summary>
    public ExecutionResult PerUserRefusal()
        => GraphQLExecutor.RequestError(Code, $"A user may hold at most {options.Value.MaxSubscriptionsPerUser} subscriptions at once.");

    private void Release(string subject)
    {
        lock (_gate)
        {
            if (_perUser.TryGetValue(subject, out var held) && held > 1)
            {
                _perUser[subject] = held - 1;
            }
            else
            {
                _perUser.Remove(subject);
            }
        }
    }

    private sealed class Slot(SubscriptionSlots owner, string? subject) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (subject is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(subject);
            }
        }
    }
}
