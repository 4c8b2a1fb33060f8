using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Shop.Users.Tests;

/// <summary>A users service with small throttle limits on a clock the tests move, so a test can watch a limit lift without waiting.</summary>
public sealed class ThrottledUsersHost : UsersHost
{
    public const int PairFreeFailures = 3;
    public const int AccountFreeFailures = 5;
    public const int AddressLimit = 8;
    public const int RegistrationLimit = 3;
    public static readonly TimeSpan PairBaseDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PairMaxDelay = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AccountSpacing = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RegistrationWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Stands still unless a test advances it. Starts on a whole second, so storing a failure's time
    /// at PostgreSQL's microsecond precision cannot move it across a window's edge.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:Users:Throttle:PairFreeFailures"] = PairFreeFailures.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:PairBaseDelay"] = PairBaseDelay.ToString("c", CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:PairMaxDelay"] = PairMaxDelay.ToString("c", CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AccountFreeFailures"] = AccountFreeFailures.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AccountSpacing"] = AccountSpacing.ToString("c", CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AddressLimit"] = AddressLimit.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:AddressWindow"] = AddressWindow.ToString("c", CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:RegistrationLimit"] = RegistrationLimit.ToString(CultureInfo.InvariantCulture),
        ["Shop:Users:Throttle:RegistrationWindow"] = RegistrationWindow.ToString("c", CultureInfo.InvariantCulture),
    };

    protected override void ConfigureServices(IServiceCollection services)
        => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    /// <summary>An address no other test uses, so each test starts with clean per-address counts.</summary>
    public static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
}
