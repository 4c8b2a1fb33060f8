using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Auth;
using Shop.Domain;
using Shop.ServiceDefaults.Postgres;
using Shop.Users.Data;
using Shop.Users.Sessions;
using Shop.Users.Tokens;

namespace Shop.Users.Accounts;

/// <summary>
/// Start-up, right after the migrations: loads (or creates) the signing key, hashes the dummy password, then creates the configured
/// admin and, in Development, the demo customer, each only when no account has that email.
/// </summary>
internal sealed class AccountSeeder(
    IServiceScopeFactory scopes,
    SigningKeyStore keys,
    DummyPassword dummyPassword,
    IOptions<UsersOptions> options,
    ILogger<AccountSeeder> logger)
    : IDbSeeder<UsersDbContext>
{
    public async Task SeedAsync(UsersDbContext context, CancellationToken cancellationToken)
    {
        await keys.GetAsync(cancellationToken);
        // Hashed now, so the first sign-in with an unknown email does not take longer than the rest.
        dummyPassword.Verify(string.Empty);
        await SeedAsync("Admin", options.Value.Admin, Roles.Admin, cancellationToken);
        await SeedAsync("DemoCustomer", options.Value.DemoCustomer, Roles.Customer, cancellationToken);
    }

    private async Task SeedAsync(string name, SeedAccount seed, string role, CancellationToken cancellationToken)
    {
        var section = $"{UsersOptions.SectionName}:{name}";
        if (string.IsNullOrWhiteSpace(seed.Email) && string.IsNullOrEmpty(seed.Password))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(seed.Email) || string.IsNullOrEmpty(seed.Password))
        {
            throw new InvalidOperationException($"{section} needs both Email and Password.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var normalized = EmailAddress.Normalize(seed.Email);
        if (await db.Users.AnyAsync(user => user.NormalizedEmail == normalized, cancellationToken))
        {
            return;
        }

        try
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateAsync(new RegisterCommand(seed.Email, seed.Password, seed.FirstName, seed.LastName, null), role, clientAddress: null, cancellationToken);
            logger.LogInformation("Created the {Role} account {Email} from {Section}", role, seed.Email, section);
        }
        catch (DomainException exception) when (exception.Errors.All(error => error.Code == AccountErrors.EmailTaken))
        {
            // Another instance created it a moment ago.
        }
        catch (DomainException exception)
        {
            throw new InvalidOperationException(
                $"{section} is not a valid account: {string.Join(" ", exception.Errors.Select(e => e.Message))}", exception);
        }
    }
}
