namespace Shop.Users.Sessions;

/// <summary>
/// Wakes this instance's revocation watchers as soon as a session is revoked here, so a logout
/// reaches them at once instead of at their next poll; other instances' revocations arrive by polling.
/// </summary>
public sealed class RevocationSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
