using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Shop.Users.Tests;

/// <summary>A users service with small throttle limits on a clock the tests move, so a test can watch a limit lift without waiting.</summary>
public sealed class ThrottledUsersHost : UsersHost
{
    public const int AccountLimit = 3;
    public const int AddressLimit = 5;
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Stands still unless a test advances it. Starts on a whole second, so storing a failure's time
    /// at PostgreSQL's microsecond precision cannot move it across a window's edge.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:Users:Throttle:AccountLimit"] = AccountLimit.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AccountWindow"] = AccountWindow.ToString("c", CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AddressLimit"] = AddressLimit.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AddressWindow"] = AddressWindow.ToString("c", CultureInfo.InvariantCulture),
    };

    protected override void ConfigureServices(IServiceCollection services)
        => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>Failed sign-ins are throttled per account and per client address, without telling whether an account exists.</summary>
public sealed class ThrottleTests(ThrottledUsersHost users) : IClassFixture<ThrottledUsersHost>
{
    [Fact]
    public async Task Login_AfterTooManyFailuresOnOneAccount_IsThrottledFromEveryAddress_ThenLifts()
    {
        // Arrange
        const string Elsewhere = "198.51.100.200";
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);
        for (var i = 0; i < ThrottledUsersHost.AccountLimit; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(email, "Wrong-Password-1", $"198.51.100.{i + 1}")));
        }

        // Act
        var throttled = await LoginAsync(email, UsersHost.Password, Elsewhere);
        var retryAfter = TimeSpan.FromSeconds(throttled.GetProperty("retryAfter").GetInt32());
        users.Clock.Advance(retryAfter - TimeSpan.FromSeconds(1));
        var aSecondEarly = await LoginAsync(email, UsersHost.Password, Elsewhere);
        users.Clock.Advance(TimeSpan.FromSeconds(1));
        var lifted = await LoginAsync(email, UsersHost.Password, Elsewhere);

        // Assert
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(throttled));
        Assert.Equal(ThrottledUsersHost.AccountWindow, retryAfter);
        Assert.Equal(JsonValueKind.Null, throttled.GetProperty("accessToken").ValueKind);
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(aSecondEarly));
        Assert.Equal(1, aSecondEarly.GetProperty("retryAfter").GetInt32());
        Assert.Empty(Gql.Codes(lifted));
        Assert.Equal(JsonValueKind.Null, lifted.GetProperty("retryAfter").ValueKind);
        Assert.Equal(JsonValueKind.String, lifted.GetProperty("accessToken").ValueKind);
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
    public async Task Login_AfterTooManyFailuresFromOneAddress_IsThrottledForEveryAccountFromIt_ThenLifts()
    {
        // Arrange
        const string Attacker = "192.0.2.66";
        var victim = UsersHost.NewEmail("victim");
        await users.RegisterAsync(victim);
        for (var i = 0; i < ThrottledUsersHost.AddressLimit; i++)
        {
            Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(await LoginAsync(UsersHost.NewEmail("spray"), "Wrong-Password-1", Attacker)));
        }

        // Act
        var fromAttacker = await LoginAsync(victim, UsersHost.Password, Attacker);
        var fromElsewhere = await LoginAsync(victim, UsersHost.Password, "192.0.2.77");
        var retryAfter = TimeSpan.FromSeconds(fromAttacker.GetProperty("retryAfter").GetInt32());
        users.Clock.Advance(retryAfter);
        var afterTheWindow = await LoginAsync(victim, UsersHost.Password, Attacker);

        // Assert
        Assert.Equal(["TOO_MANY_ATTEMPTS"], Gql.Codes(fromAttacker));
        Assert.Equal(ThrottledUsersHost.AddressWindow, retryAfter);
        Assert.Empty(Gql.Codes(fromElsewhere));
        Assert.Empty(Gql.Codes(afterTheWindow));
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
