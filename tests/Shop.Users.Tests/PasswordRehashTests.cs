using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Users.Data;
using Shop.Users.Sessions;

namespace Shop.Users.Tests;

/// <summary>A sign-in upgrades an outdated password hash, and never undoes a password change to do it.</summary>
public sealed class PasswordRehashTests(UsersHost users) : IClassFixture<UsersHost>
{
    private const string NewPassword = "Another-Secret-77";

    [Fact]
    public async Task Login_PasswordHashedWithAnOlderScheme_SignsInAndStoresAnUpgradedHash()
    {
        // Arrange
        var email = UsersHost.NewEmail();
        var userId = await users.RegisterAsync(email);
        var identityV2 = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        var outdated = identityV2.HashPassword(await GetUserAsync(userId), UsersHost.Password);
        await WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(u => u.PasswordHash, outdated)));

        // Act
        var session = await users.LoginAsync(email);

        // Assert
        var stored = await GetUserAsync(userId);
        Assert.NotEmpty(session.AccessToken);
        Assert.NotEqual(outdated, stored.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, Hasher.VerifyHashedPassword(stored, stored.PasswordHash, UsersHost.Password));
    }

    [Fact]
    public async Task UpgradeHash_PasswordChangedAfterTheSignInVerifiedIt_KeepsTheNewPassword()
    {
        // Arrange: a sign-in has verified the old hash and is about to store an upgrade of it,
        // when the password is changed.
        var email = UsersHost.NewEmail();
        var userId = await users.RegisterAsync(email);
        var session = await users.LoginAsync(email);
        var verified = await GetUserAsync(userId);
        var upgrade = Hasher.HashPassword(verified, UsersHost.Password);
        var changed = (await users.Client(session.AccessToken).PostAsync(Gql.ChangePassword,
            new { input = new { currentPassword = UsersHost.Password, newPassword = NewPassword } })).EnsureNoErrors().Data.GetProperty("changePassword");
        var afterChange = (await GetUserAsync(userId)).PasswordHash;

        // Act
        bool stored;
        await using (var scope = users.Host.Services.CreateAsyncScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<SessionService>()
                .UpgradeHashAsync(userId, verified.PasswordHash, upgrade, CancellationToken.None);
        }

        // Assert
        Assert.Empty(Gql.Codes(changed));
        Assert.False(stored);
        Assert.Equal(afterChange, (await GetUserAsync(userId)).PasswordHash);
        Assert.NotEmpty((await users.LoginAsync(email, NewPassword)).AccessToken);
        var oldPassword = (await users.Client().PostAsync(Gql.Login, new { input = new { email, password = UsersHost.Password } }))
            .EnsureNoErrors().Data.GetProperty("login");
        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(oldPassword));
    }

    private IPasswordHasher<User> Hasher => users.Host.GetRequiredService<IPasswordHasher<User>>();

    private Task<User> GetUserAsync(Guid userId)
        => WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    private async Task<T> WithDbAsync<T>(Func<UsersDbContext, Task<T>> action)
    {
        await using var scope = users.Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UsersDbContext>());
    }
}
