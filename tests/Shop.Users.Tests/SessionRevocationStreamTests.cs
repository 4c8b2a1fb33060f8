using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Auth;
using Shop.Testing.Hosting;
using Shop.Users.Grpc;

namespace Shop.Users.Tests;

/// <summary>WatchSessionRevocations over real mutual TLS: what orders learns, and when.</summary>
public sealed class SessionRevocationStreamTests(RevocationUsersHost users) : IClassFixture<RevocationUsersHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SessionRevocationFeedOverlap = Sessions.SessionRevocationFeed.Overlap;

    [Fact]
    public async Task AccessToken_NamesItsSession_AndARefreshKeepsIt()
    {
        var session = await users.NewCustomerAsync();

        var refreshed = Session.From((await users.Client().PostAsync(Gql.Refresh, new { input = new { refreshToken = session.RefreshToken } }))
            .EnsureNoErrors().Data.GetProperty("refreshToken"));
        var other = await users.NewCustomerAsync();

        Assert.True(Guid.TryParse(SessionOf(session.AccessToken), out _));
        Assert.Equal(SessionOf(session.AccessToken), SessionOf(refreshed.AccessToken));
        Assert.NotEqual(SessionOf(session.AccessToken), SessionOf(other.AccessToken));
    }

    [Fact]
    public async Task Watch_AsOrders_ReplaysEarlierRevocationsThenStreamsLogoutReuseAndPasswordChange()
    {
        var before = await users.NewCustomerAsync();
        await LogoutAsync(before);
        await using var watch = Watch(users.Host);

        var replayed = await watch.WaitForAsync(SessionOf(before.AccessToken));
        var loggedOut = await users.NewCustomerAsync();
        await LogoutAsync(loggedOut);
        var logoutSeen = await watch.WaitForAsync(SessionOf(loggedOut.AccessToken));
        var reused = await users.NewCustomerAsync();
        await RefreshAsync(reused.RefreshToken);
        await RefreshAsync(reused.RefreshToken);
        var reuseSeen = await watch.WaitForAsync(SessionOf(reused.AccessToken));
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        var changing = await users.LoginAsync(email);
        var bystander = await users.LoginAsync(email);
        (await users.Client(changing.AccessToken).PostAsync(Gql.ChangePassword,
            new { input = new { currentPassword = UsersHost.Password, newPassword = "Another-Secret-77" } })).EnsureNoErrors();
        var changeSeen = await watch.WaitForAsync(SessionOf(changing.AccessToken));
        var bystanderSeen = await watch.WaitForAsync(SessionOf(bystander.AccessToken));

        foreach (var revocation in new[] { replayed, logoutSeen, reuseSeen, changeSeen, bystanderSeen })
        {
            var expiresBy = revocation.TokensExpireBy.ToDateTimeOffset() - revocation.RevokedAt.ToDateTimeOffset();
            Assert.Equal(TimeSpan.FromMinutes(16), expiresBy);
        }
    }

    [Fact]
    public async Task Watch_WithACursor_ReplaysOnlyLaterRevocations()
    {
        var early = await users.NewCustomerAsync();
        await LogoutAsync(early);

        // Past the overlap the feed reads again behind a cursor, so the early one is really behind it.
        await Task.Delay(SessionRevocationFeedOverlap + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var late = await users.NewCustomerAsync();
        await LogoutAsync(late);
        await using var resumed = Watch(users.Host, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));

        await resumed.WaitForAsync(SessionOf(late.AccessToken));
        Assert.DoesNotContain(SessionOf(early.AccessToken), resumed.Seen);
    }

    [Fact]
    public async Task Watch_OnTheRevokingInstance_GetsTheLogoutAtOnce_NotAtTheNextPoll()
    {
        await using var watch = Watch(users.Host);
        await watch.Heartbeat.Reader.ReadAsync(TestContext.Current.CancellationToken);
        var session = await users.NewCustomerAsync();

        var clock = Stopwatch.StartNew();
        await LogoutAsync(session);
        await watch.WaitForAsync(SessionOf(session.AccessToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Watch_OnAnotherInstance_GetsALogoutMadeOnThisOne_WithinAPollInterval()
    {
        var other = await users.StartHostAsync();
        await using var watch = Watch(other);
        await watch.Heartbeat.Reader.ReadAsync(TestContext.Current.CancellationToken);
        var session = await users.NewCustomerAsync();

        var clock = Stopwatch.StartNew();
        await LogoutAsync(session);
        await watch.WaitForAsync(SessionOf(session.AccessToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Watch_Idle_SendsEmptyHeartbeats()
    {
        await using var watch = Watch(users.Host);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);

        for (var i = 0; i < 3; i++)
        {
            await watch.Heartbeat.Reader.ReadAsync(timeout.Token);
        }
    }

    [Theory]
    [InlineData(ShopServices.Orchestrator)]
    [InlineData(ShopServices.Payments)]
    public async Task Watch_AsAnotherService_IsPermissionDenied(string caller)
    {
        var client = new SessionRevocationsService.SessionRevocationsServiceClient(users.Host.GrpcChannel(caller));
        using var call = client.WatchSessionRevocations(new WatchSessionRevocationsRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static string SessionOf(string accessToken) => new JsonWebToken(accessToken).GetClaim(ShopClaims.SessionId).Value;

    private async Task LogoutAsync(Session session)
        => Assert.True((await users.Client(session.AccessToken).PostAsync(Gql.Logout, new { input = new { refreshToken = session.RefreshToken } }))
            .EnsureNoErrors().Data.GetProperty("logout").GetProperty("loggedOut").GetBoolean());

    private Task RefreshAsync(string refreshToken) => users.Client().PostAsync(Gql.Refresh, new { input = new { refreshToken } });

    private static Watcher Watch(TestServiceHost host, DateTimeOffset? after = null)
    {
        var client = new SessionRevocationsService.SessionRevocationsServiceClient(host.GrpcChannel(ShopServices.Orders));
        var request = new WatchSessionRevocationsRequest { After = after is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null };
        return new Watcher(client.WatchSessionRevocations(request));
    }

    /// <summary>Reads the stream in the background: each revocation by session id, each empty batch as a heartbeat.</summary>
    private sealed class Watcher : IAsyncDisposable
    {
        private readonly AsyncServerStreamingCall<SessionRevocationBatch> _call;
        private readonly CancellationTokenSource _stop = new();
        private readonly Dictionary<string, SessionRevocation> _seen = [];
        private readonly Lock _gate = new();
        private readonly Task _reading;

        public Watcher(AsyncServerStreamingCall<SessionRevocationBatch> call)
        {
            _call = call;
            _reading = ReadAsync();
        }

        public Channel<bool> Heartbeat { get; } = Channel.CreateUnbounded<bool>();

        public IReadOnlyCollection<string> Seen
        {
            get
            {
                lock (_gate)
                {
                    return [.. _seen.Keys];
                }
            }
        }

        public async Task<SessionRevocation> WaitForAsync(string sessionId)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < Patience)
            {
                lock (_gate)
                {
                    if (_seen.TryGetValue(sessionId, out var revocation))
                    {
                        return revocation;
                    }
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"Session {sessionId} was not streamed within {Patience}.");
        }

        private async Task ReadAsync()
        {
            try
            {
                await foreach (var batch in _call.ResponseStream.ReadAllAsync(_stop.Token))
                {
                    lock (_gate)
                    {
                        foreach (var revocation in batch.Revocations)
                        {
                            _seen.TryAdd(revocation.SessionId, revocation);
                        }
                    }

                    if (batch.Revocations.Count == 0)
                    {
                        Heartbeat.Writer.TryWrite(true);
                    }
                }
            }
            catch (RpcException) when (_stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reading;
            _call.Dispose();
            _stop.Dispose();
        }
    }
}
