namespace Shop.Users;

/// <summary>The <c>Shop:Users</c> section: token lifetimes, the signing key, seeding and throttling.</summary>
public sealed class UsersOptions
{
    public const string SectionName = "Shop:Users";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of each refresh token; rotation issues a new one, so an active session slides.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a used refresh token may be presented again and still get a successor in its family
    /// (two tabs refreshing at once, a retry after a lost answer); after it, a repeat is reuse and
    /// ends the session. Zero turns the leeway off.
    /// </summary>
    public TimeSpan RefreshReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A PEM private key (RSA, or EC P-256) to sign access tokens with. When absent, a key is
    /// generated on first start and kept in the users database.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The first admin, created at start-up when no account has this email.</summary>
    public SeedAccount Admin { get; set; } = new() { FirstName = "Shop", LastName = "Admin" };

    /// <summary>A customer for local exploration; only Development sets it.</summary>
    public SeedAccount DemoCustomer { get; set; } = new();

    public ThrottleOptions Throttle { get; set; } = new();

    /// <summary>
    /// How often a revocation watcher (gRPC WatchSessionRevocations) reads revocations made by other
    /// instances; this instance's own reach its watchers at once.
    /// </summary>
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An empty batch on an idle revocation stream this often, so the watcher can tell a quiet stream from a dead one.</summary>
    public TimeSpan RevocationHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    public int PasswordMinLength { get; set; } = 10;

    public int MaxAddressesPerUser { get; set; } = 20;

    /// <summary>
    /// Networks (CIDR) of proxies, such as the gateway, whose X-Forwarded-For names the client;
    /// loopback is always trusted.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];
}

public sealed class SeedAccount
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string FirstName { get; set; } = "Demo";

    public string LastName { get; set; } = "Customer";
}

/// <summary>
/// Limits on sign-in failures and registrations. None of them locks an account: the one rule that
/// spans every address only spaces attempts out, so the right password from anywhere gets through
/// after <see cref="AccountSpacing"/> at most.
/// </summary>
public sealed class ThrottleOptions
{
    /// <summary>Failures of one account from one address before each next attempt must wait.</summary>
    public int PairFreeFailures { get; set; } = 3;

    /// <summary>The first wait after <see cref="PairFreeFailures"/>; it doubles with each further failure.</summary>
    public TimeSpan PairBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts on one account from one address.</summary>
    public TimeSpan PairMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a failure counts towards its account-and-address backoff.</summary>
    public TimeSpan PairWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failures of one account, from any address, before its attempts are spaced out.</summary>
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>Least time between attempts on an account past <see cref="AccountFreeFailures"/>.</summary>
    public TimeSpan AccountSpacing { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a failure counts towards its account's spacing.</summary>
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures from one address, over every account, per <see cref="AddressWindow"/>.</summary>
    public int AddressLimit { get; set; } = 20;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Registrations from one address per <see cref="RegistrationWindow"/>.</summary>
    public int RegistrationLimit { get; set; } = 10;

    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromHours(1);
}
