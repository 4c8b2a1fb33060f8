namespace Shop.GraphQL.Sessions;

/// <summary>
/// Sign-in sessions known to have ended (logout, refresh-token reuse, password change) while their
/// access tokens are still valid. Transports end a subscription whose token names such a session
/// (its <c>sid</c> claim) and refuse new ones. A service that learns of no revocations has none.
/// </summary>
public interface ISessionRevocations
{
    bool IsRevoked(string sessionId);

    /// <summary>
    /// Calls <paramref name="revoked"/> once when <paramref name="sessionId"/> is revoked (at once
    /// when it already is), until the returned registration is disposed.
    /// </summary>
    IDisposable Watch(string sessionId, Action revoked);
}
