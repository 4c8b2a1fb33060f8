using System.Net;
using Shop.Users.Sessions;

namespace Shop.Users.Tests;

/// <summary>Sign-in, refresh-token rotation and reuse detection, logout, password change.</summary>
public sealed class SessionTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task RegisterLoginMeRefresh_ThenReusingTheOldRefreshTokenAfterTheLeeway_FailsAndRevokesTheFamily()
    {
        // Arrange
        var email = UsersHost.NewEmail();
        var userId = await users.RegisterAsync(email);

        // Act: this instance allows no leeway, so any repeat is a late replay.
        var strict = await StrictHostAsync();
        var login = await users.LoginAsync(email);
        var me = await users.Client(login.AccessToken).PostAsync(Gql.Me);
        var refreshed = await RefreshAsync(login.RefreshToken, strict);
        var reused = await RefreshAsync(login.RefreshToken, strict);
        var successor = await RefreshAsync(refreshed.GetProperty("refreshToken").GetString()!, strict);

        // Assert
        Assert.Equal(userId, login.UserId);
        Assert.InRange(login.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        var meUser = me.EnsureNoErrors().Data.GetProperty("me");
        Assert.Equal(email, meUser.GetProperty("email").GetString());
        Assert.Equal("CUSTOMER", meUser.GetProperty("role").GetString());
        Assert.Empty(Gql.Codes(refreshed));
        Assert.NotEqual(login.RefreshToken, refreshed.GetProperty("refreshToken").GetString());
        Assert.Equal(["REFRESH_TOKEN_REUSED"], Gql.Codes(reused));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(successor));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reused.GetProperty("accessToken").ValueKind);
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownEmail_FailsWithTheSameError()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);

        var wrongPassword = await LoginAsync(email, "Not-The-Password-1");
        var unknownEmail = await LoginAsync(UsersHost.NewEmail("nobody"), UsersHost.Password);

        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(wrongPassword));
        Assert.Equal(wrongPassword.GetProperty("errors").ToString(), unknownEmail.GetProperty("errors").ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, wrongPassword.GetProperty("accessToken").ValueKind);
    }

    [Fact]
    public async Task Login_EmailInAnotherCase_SignsIn()
    {
        var email = UsersHost.NewEmail("Mixed.Case");
        await users.RegisterAsync(email);

        var session = await users.LoginAsync(email.ToUpperInvariant());

        Assert.NotEmpty(session.AccessToken);
    }

    [Fact]
    public async Task Refresh_SameTokenInParallelWithinTheLeeway_AllSucceedInTheSameSession()
    {
        var session = await users.NewCustomerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(session.RefreshToken)));

        // Two tabs (or a retry) refreshing at once all keep the customer signed in, each with its own successor.
        Assert.All(results, payload => Assert.Empty(Gql.Codes(payload)));
        var successors = results.Select(payload => payload.GetProperty("refreshToken").GetString()!).ToArray();
        Assert.Equal(successors.Length, successors.Distinct().Count());
        foreach (var successor in successors)
        {
            Assert.Empty(Gql.Codes(await RefreshAsync(successor)));
        }
    }

    [Fact]
    public async Task Refresh_SameTokenInParallel_WithoutLeeway_IsReuseAndEndsTheSession()
    {
        var strict = await StrictHostAsync();
        var session = await users.NewCustomerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(session.RefreshToken, strict)));

        var winner = Assert.Single(results, payload => Gql.Codes(payload).Length == 0);
        Assert.All(results.Where(payload => Gql.Codes(payload).Length > 0), payload => Assert.Equal(["REFRESH_TOKEN_REUSED"], Gql.Codes(payload)));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(winner.GetProperty("refreshToken").GetString()!, strict)));
    }

    [Fact]
    public async Task Refresh_StolenTokenReplayedAfterTheLeeway_IsRefusedAndRevokesTheSession()
    {
        var shortLeeway = await users.StartHostAsync(new Dictionary<string, string?> { ["Shop:Users:RefreshReuseLeeway"] = "00:00:01" });
        var session = await users.NewCustomerAsync();
        var rotated = await RefreshAsync(session.RefreshToken, shortLeeway);
        var again = await RefreshAsync(session.RefreshToken, shortLeeway);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var late = await RefreshAsync(session.RefreshToken, shortLeeway);

        Assert.Empty(Gql.Codes(rotated));
        Assert.Empty(Gql.Codes(again));
        Assert.Equal(["REFRESH_TOKEN_REUSED"], Gql.Codes(late));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(rotated.GetProperty("refreshToken").GetString()!, shortLeeway)));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(again.GetProperty("refreshToken").GetString()!, shortLeeway)));
    }

    [Fact]
    public async Task Refresh_ExpiredRefreshToken_IsInvalidAndIssuesNothing()
    {
        var shortLived = await users.StartHostAsync(new Dictionary<string, string?> { ["Shop:Users:RefreshTokenLifetime"] = "00:00:01" });
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        var login = (await users.Client(host: shortLived).PostAsync(Gql.Login, new { input = new { email, password = UsersHost.Password } }))
            .EnsureNoErrors().Data.GetProperty("login");

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var refreshed = await RefreshAsync(login.GetProperty("refreshToken").GetString()!, shortLived);

        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(refreshed));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refreshed.GetProperty("accessToken").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_UnknownOrMalformedToken_IsInvalid(string token)
    {
        var payload = await RefreshAsync(token);

        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(payload));
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndTheRefreshTokenStopsWorking()
    {
        var session = await users.NewCustomerAsync();

        var logout = (await users.Client().PostAsync(Gql.Logout, new { input = new { refreshToken = session.RefreshToken } }))
            .EnsureNoErrors().Data.GetProperty("logout");
        var refresh = await RefreshAsync(session.RefreshToken);

        Assert.True(logout.GetProperty("loggedOut").GetBoolean());
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(refresh));
    }

    [Fact]
    public async Task ChangePassword_RevokesEverySession_AndOpensAFreshOne()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        var first = await users.LoginAsync(email);
        var second = await users.LoginAsync(email);
        const string NewPassword = "Another-Secret-77";

        var changed = (await users.Client(first.AccessToken).PostAsync(Gql.ChangePassword,
            new { input = new { currentPassword = UsersHost.Password, newPassword = NewPassword } })).EnsureNoErrors().Data.GetProperty("changePassword");

        Assert.Empty(Gql.Codes(changed));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(first.RefreshToken)));
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(second.RefreshToken)));
        Assert.Empty(Gql.Codes(await RefreshAsync(changed.GetProperty("refreshToken").GetString()!)));
        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(email, UsersHost.Password)));
        Assert.NotEmpty((await users.LoginAsync(email, NewPassword)).AccessToken);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrWeakNewPassword_ChangesNothing()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        var session = await users.LoginAsync(email);
        var client = users.Client(session.AccessToken);

        var wrongCurrent = (await client.PostAsync(Gql.ChangePassword, new { input = new { currentPassword = "Wrong-Password-9", newPassword = "Another-Secret-77" } }))
            .EnsureNoErrors().Data.GetProperty("changePassword");
        var weakNew = (await client.PostAsync(Gql.ChangePassword, new { input = new { currentPassword = UsersHost.Password, newPassword = "short" } }))
            .EnsureNoErrors().Data.GetProperty("changePassword");

        Assert.Equal(["INVALID_CURRENT_PASSWORD"], Gql.Codes(wrongCurrent));
        Assert.Equal(["PASSWORD_TOO_SHORT"], Gql.Codes(weakNew));
        Assert.Empty(Gql.Codes(await RefreshAsync(session.RefreshToken)));
        Assert.NotEmpty((await users.LoginAsync(email)).AccessToken);
    }

    [Fact]
    public async Task ChangePassword_Anonymous_IsUnauthenticated()
    {
        var response = await users.Client().PostAsync(Gql.ChangePassword, new { input = new { currentPassword = "a", newPassword = "b" } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task SessionJanitor_DeletesSessionsWithoutAValidToken_AndKeepsLiveOnes()
    {
        var expired = await users.NewCustomerAsync();
        var live = await users.NewCustomerAsync();
        await using (var connection = new Npgsql.NpgsqlConnection(users.ConnectionString))
        {
            await connection.OpenAsync();
            await using var age = new Npgsql.NpgsqlCommand(
                "UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE family_id IN (SELECT id FROM refresh_token_families WHERE user_id = @user)", connection);
            age.Parameters.AddWithValue("user", expired.UserId);
            await age.ExecuteNonQueryAsync();
        }

        var deleted = await users.Host.GetRequiredService<SessionJanitor>().PurgeAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], Gql.Codes(await RefreshAsync(expired.RefreshToken)));
        Assert.Empty(Gql.Codes(await RefreshAsync(live.RefreshToken)));
    }

    private async Task<System.Text.Json.JsonElement> RefreshAsync(string refreshToken, Shop.Testing.Hosting.TestServiceHost? host = null)
        => (await users.Client(host: host).PostAsync(Gql.Refresh, new { input = new { refreshToken } })).EnsureNoErrors().Data.GetProperty("refreshToken");

    /// <summary>An instance on the same database that allows no reuse leeway.</summary>
    private Task<Shop.Testing.Hosting.TestServiceHost> StrictHostAsync()
        => users.StartHostAsync(new Dictionary<string, string?> { ["Shop:Users:RefreshReuseLeeway"] = "00:00:00" });

    private async Task<System.Text.Json.JsonElement> LoginAsync(string email, string password)
        => (await users.Client().PostAsync(Gql.Login, new { input = new { email, password } })).EnsureNoErrors().Data.GetProperty("login");
}
