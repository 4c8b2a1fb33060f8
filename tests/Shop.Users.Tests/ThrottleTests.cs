using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>A users service whose throttle windows are tiny, so a test can watch a limit lift.</summary>
public sealed class ThrottledUsersHost : UsersHost
{
    public const int AccountLimit = 3;
    public const int AddressLimit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:Users:Throttle:AccountLimit"] = AccountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AccountWindow"] = "00:00:02",
        ["Shop:Users:Throttle:AddressLimit"] = AddressLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AddressWindow"] = "00:00:02",
    };
}

/// <summary>Failed sign-ins are throttled per account and per client address, without telling whether an account exists.</summary>
public sealed class ThrottleTests(ThrottledUsersHost users) : IClassFixture<ThrottledUsersHost>
{
    [Fact]
    public async Task Login_AfterTooManyFailuresOnOneAccount_IsThrottledFromEveryAddress_ThenLifts()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        for (var i = 0; i < ThrottledUsersHost.AccountLimit; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(email, "Wrong-Password-1", $"198.51.100.{i + 1}")));
        }

        var throttled = await LoginAsync(email, UsersHost.Password, "198.51.100.200");
        var retryAfter = throttled.GetProperty("retryAfter").GetInt32();
        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        var lifted = await LoginAsync(email, UsersHost.Password, "198.51.100.200");

        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(throttled));
        Assert.InRange(retryAfter, 1, 2);
        Assert.Equal(JsonValueKind.Null, throttled.GetProperty("accessToken").ValueKind);
        Assert.Empty(Gql.Codes(lifted));
        Assert.Equal(JsonValueKind.Null, lifted.GetProperty("retryAfter").ValueKind);
    }

    [Fact]
    public async Task Login_UnknownEmail_IsThrottledExactlyLikeAKnownOne()
    {
        var known = UsersHost.NewEmail();
        await users.RegisterAsync(known);
        var unknown = UsersHost.NewEmail("ghost");

        var knownResults = new List<string[]>();
        var unknownResults = new List<string[]>();
        for (var i = 0; i <= ThrottledUsersHost.AccountLimit; i++)
        {
            knownResults.Add(Gql.Codes(await LoginAsync(known, "Wrong-Password-1", $"203.0.113.{i + 1}")));
            unknownResults.Add(Gql.Codes(await LoginAsync(unknown, "Wrong-Password-1", $"203.0.113.{i + 101}")));
        }

        Assert.Equal(knownResults, unknownResults);
        Assert.Equal(["TOO_MANY_ATTEMPTS"], knownResults[^1]);
    }

    [Fact]
    public async Task Login_AfterTooManyFailuresFromOneAddress_IsThrottledForEveryAccountFromIt()
    {
        const string Attacker = "192.0.2.66";
        var victim = UsersHost.NewEmail("victim");
        await users.RegisterAsync(victim);
        for (var i = 0; i < ThrottledUsersHost.AddressLimit; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(UsersHost.NewEmail("spray"), "Wrong-Password-1", Attacker)));
        }

        var fromAttacker = await LoginAsync(victim, UsersHost.Password, Attacker);
        var fromElsewhere = await LoginAsync(victim, UsersHost.Password, "192.0.2.77");

        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(fromAttacker));
        Assert.True(fromAttacker.GetProperty("retryAfter").GetInt32() >= 1);
        Assert.Empty(Gql.Codes(fromElsewhere));
    }

    [Fact]
    public async Task Login_ParallelGuesses_CannotExceedTheLimit()
    {
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => LoginAsync(email, "Wrong-Password-1", $"100.64.0.{i + 1}")));

        Assert.Equal(ThrottledUsersHost.AccountLimit, results.Count(r => Gql.Codes(r).SequenceEqual(["INVALID_CREDENTIALS"])));
        Assert.Equal(10 - ThrottledUsersHost.AccountLimit, results.Count(r => Gql.Codes(r).SequenceEqual(["TOO_MANY_ATTEMPTS"])));
    }

    private async Task<JsonElement> LoginAsync(string email, string password, string clientAddress)
        => (await users.Client(clientAddress: clientAddress).PostAsync(Gql.Login, new { input = new { email, password } }))
            .EnsureNoErrors().Data.GetProperty("login");
}
