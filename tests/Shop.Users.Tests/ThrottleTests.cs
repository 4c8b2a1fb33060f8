using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>
/// Failed sign-ins slow the guesser down without locking the owner out, and without telling whether
/// an account exists; registrations are limited per client address.
/// </summary>
public sealed class ThrottleTests(ThrottledUsersHost users) : IClassFixture<ThrottledUsersHost>
{
    private const string Wrong = "Wrong-Password-1";

    [Fact]
    public async Task Login_FiveWrongFromOneAddress_RightPasswordFromAnother_GetsInAfterTheShortSpacing()
    {
        // Arrange: five failures from A, sitting out A's own backoff where it applies.
        var (attacker, owner) = (ThrottledUsersHost.NewAddress(), ThrottledUsersHost.NewAddress());
        var email = await RegisterAsync();
        for (var failures = 0; failures < ThrottledUsersHost.AccountFreeFailures;)
        {
            var guess = await LoginAsync(email, Wrong, attacker);
            if (Gql.Codes(guess).SequenceEqual(["TOO_MANY_ATTEMPTS"]))
            {
                users.Clock.Advance(TimeSpan.FromSeconds(guess.GetProperty("retryAfter").GetInt32()));
                continue;
            }

            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(guess));
            failures++;
        }

        // Act
        var atOnce = await LoginAsync(email, UsersHost.Password, owner);
        var wait = TimeSpan.FromSeconds(atOnce.GetProperty("retryAfter").GetInt32());
        users.Clock.Advance(wait);
        var afterTheSpacing = await LoginAsync(email, UsersHost.Password, owner);
        var attackerRightAway = await LoginAsync(email, UsersHost.Password, attacker);

        // Assert
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(atOnce));
        Assert.InRange(wait, TimeSpan.FromSeconds(1), ThrottledUsersHost.AccountSpacing);
        Assert.Empty(Gql.Codes(afterTheSpacing));
        Assert.Equal(JsonValueKind.String, afterTheSpacing.GetProperty("accessToken").ValueKind);
        // The owner's success forgives the account, not the guesser's own backoff (8 s after five
        // failures, longer than the account's spacing the owner waited).
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(attackerRightAway));
    }

    [Fact]
    public async Task Login_GuessingFromOneAddress_WaitsLongerAfterEachFailure()
    {
        var address = ThrottledUsersHost.NewAddress();
        var email = await RegisterAsync();
        for (var i = 0; i < ThrottledUsersHost.PairFreeFailures; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(email, Wrong, address)));
        }

        var waits = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var refused = await LoginAsync(email, Wrong, address);
            Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(refused));
            var seconds = refused.GetProperty("retryAfter").GetInt32();
            waits.Add(seconds);
            users.Clock.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromSeconds(1));
            Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(await LoginAsync(email, Wrong, address)));
            users.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(email, Wrong, address)));
        }

        // Even the right password must wait out the guesser's backoff from that address.
        var right = await LoginAsync(email, UsersHost.Password, address);

        Assert.Equal([2, 4, 8], waits);
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(right));
        Assert.Equal(16, right.GetProperty("retryAfter").GetInt32());
    }

    [Fact]
    public async Task Login_UnknownEmail_IsThrottledExactlyLikeAKnownOne()
    {
        var known = await RegisterAsync();
        var unknown = UsersHost.NewEmail("ghost");
        var (first, second) = (ThrottledUsersHost.NewAddress(), ThrottledUsersHost.NewAddress());

        var knownResults = new List<string[]>();
        var unknownResults = new List<string[]>();
        for (var i = 0; i <= ThrottledUsersHost.PairFreeFailures; i++)
        {
            knownResults.Add(Gql.Codes(await LoginAsync(known, Wrong, first)));
            unknownResults.Add(Gql.Codes(await LoginAsync(unknown, Wrong, second)));
        }

        Assert.Equal(knownResults, unknownResults);
        Assert.Equal(["TOO_MANY_ATTEMPTS"], knownResults[^1]);
    }

    [Fact]
    public async Task Login_AfterTooManyFailuresFromOneAddress_IsThrottledForEveryAccountFromIt_ThenLifts()
    {
        // Arrange
        var attacker = ThrottledUsersHost.NewAddress();
        var victim = await RegisterAsync();
        for (var i = 0; i < ThrottledUsersHost.AddressLimit; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(UsersHost.NewEmail("spray"), Wrong, attacker)));
        }

        // Act
        var fromAttacker = await LoginAsync(victim, UsersHost.Password, attacker);
        var fromElsewhere = await LoginAsync(victim, UsersHost.Password, ThrottledUsersHost.NewAddress());
        var retryAfter = TimeSpan.FromSeconds(fromAttacker.GetProperty("retryAfter").GetInt32());
        users.Clock.Advance(retryAfter);
        var afterTheWindow = await LoginAsync(victim, UsersHost.Password, attacker);

        // Assert
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(fromAttacker));
        Assert.Equal(ThrottledUsersHost.AddressWindow, retryAfter);
        Assert.Empty(Gql.Codes(fromElsewhere));
        Assert.Empty(Gql.Codes(afterTheWindow));
    }

    [Fact]
    public async Task Login_ParallelGuessesFromManyAddresses_OnlyTheFreeOnesRun()
    {
        var email = await RegisterAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => LoginAsync(email, Wrong, ThrottledUsersHost.NewAddress())));

        Assert.Equal(ThrottledUsersHost.AccountFreeFailures, results.Count(r => Gql.Codes(r).SequenceEqual(["INVALID_CREDENTIALS"])));
        Assert.Equal(10 - ThrottledUsersHost.AccountFreeFailures, results.Count(r => Gql.Codes(r).SequenceEqual(["TOO_MANY_ATTEMPTS"])));
        Assert.All(
            results.Where(r => Gql.Codes(r).SequenceEqual(["TOO_MANY_ATTEMPTS"])),
            r => Assert.InRange(r.GetProperty("retryAfter").GetInt32(), 1, (int)ThrottledUsersHost.AccountSpacing.TotalSeconds));
    }

    [Fact]
    public async Task Register_FloodFromOneAddress_IsRefusedPastTheLimit_OtherAddressesAreNot()
    {
        var flooder = ThrottledUsersHost.NewAddress();
        for (var i = 0; i < ThrottledUsersHost.RegistrationLimit; i++)
        {
            Assert.Empty(Gql.Codes(await RegisterFromAsync(UsersHost.NewEmail("flood"), flooder)));
        }

        var email = UsersHost.NewEmail("flood");
        var refused = await RegisterFromAsync(email, flooder);
        var elsewhere = await RegisterFromAsync(UsersHost.NewEmail("calm"), ThrottledUsersHost.NewAddress());
        var login = await LoginAsync(email, UsersHost.Password, ThrottledUsersHost.NewAddress());

        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(refused));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("user").ValueKind);
        Assert.Empty(Gql.Codes(elsewhere));
        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(login));
    }

    private async Task<string> RegisterAsync()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email, clientAddress: ThrottledUsersHost.NewAddress());
        return email;
    }

    private async Task<JsonElement> RegisterFromAsync(string email, string clientAddress)
        => (await users.Client(clientAddress: clientAddress).PostAsync(
                Gql.Register, new { input = new { email, password = UsersHost.Password, firstName = "Test", lastName = "User" } }))
            .EnsureNoErrors().Data.GetProperty("register");

    private async Task<JsonElement> LoginAsync(string email, string password, string clientAddress)
        => (await users.Client(clientAddress: clientAddress).PostAsync(Gql.Login, new { input = new { email, password } }))
            .EnsureNoErrors().Data.GetProperty("login");
}
