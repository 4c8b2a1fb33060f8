using Shop.Testing.Hosting;

namespace Shop.Users.Tests;

/// <summary>The Shop:Users settings: a bad value stops the start and says which.</summary>
public sealed class SettingsValidationTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Theory]
    [InlineData("Shop:Users:PasswordMinLength", "0", "Shop:Users:PasswordMinLength")]
    [InlineData("Shop:Users:MaxAddressesPerUser", "-1", "MaxAddressesPerUser")]
    [InlineData("Shop:Users:AccessTokenLifetime", "00:00:00", "Shop:Users:AccessTokenLifetime")]
    [InlineData("Shop:Users:RefreshReuseLeeway", "00:05:00", "Shop:Users:RefreshReuseLeeway")]
    [InlineData("Shop:Users:Throttle:PairWindow", "00:00:00", "PairWindow")]
    [InlineData("Shop:Users:Throttle:AddressLimit", "0", "AddressLimit")]
    [InlineData("Shop:Users:Throttle:PairMaxDelay", "00:00:01", "PairMaxDelay")]
    [InlineData("Shop:GraphQL:MaxDepth", "0", "MaxDepth")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => users.StartHostAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
