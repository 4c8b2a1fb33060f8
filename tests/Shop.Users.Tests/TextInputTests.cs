using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>Names and addresses go through the shared text check: characters counted as people count them, no hidden direction tricks, real country codes.</summary>
public sealed class TextInputTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Theory]
    [InlineData("Ev\u202Eil")]
    [InlineData("Zero\u200Bwidth")]
    [InlineData("\uFEFFBom")]
    [InlineData("Iso\u2066late")]
    [InlineData("Bell\u0007")]
    public async Task Register_NameWithInvisibleOrDirectionCharacters_IsRefused(string firstName)
    {
        var payload = await RegisterAsync(firstName);

        Assert.Equal(["INVALID_NAME"], Gql.Codes(payload));
        Assert.Equal("firstName", payload.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Register_NameLength_CountsCharactersNotUtf16Units()
    {
        var hundred = string.Concat(Enumerable.Repeat("😀", 100));

        var atTheLimit = await RegisterAsync(hundred);
        var overIt = await RegisterAsync(hundred + "😀");

        Assert.Empty(Gql.Codes(atTheLimit));
        Assert.Equal(hundred, atTheLimit.GetProperty("user").GetProperty("firstName").GetString());
        Assert.Equal(["INVALID_NAME"], Gql.Codes(overIt));
    }

    [Theory]
    [InlineData("UK", null)]
    [InlineData("XX", null)]
    [InlineData("AA", null)]
    [InlineData("gb", "GB")]
    [InlineData(" vn ", "VN")]
    public async Task AddAddress_CountryCode_MustBeAnAssignedIso3166Code(string countryCode, string? stored)
    {
        var client = users.Client((await users.NewCustomerAsync()).AccessToken);

        var payload = (await client.PostAsync(Gql.AddAddress, new { input = new { recipientName = "Lan Nguyen", line1 = "1 Le Loi", city = "Ho Chi Minh City", countryCode } }))
            .EnsureNoErrors().Data.GetProperty("addAddress");

        if (stored is null)
        {
            Assert.Equal(["INVALID_COUNTRY_CODE"], Gql.Codes(payload));
        }
        else
        {
            Assert.Empty(Gql.Codes(payload));
            Assert.Equal(stored, payload.GetProperty("address").GetProperty("countryCode").GetString());
        }
    }

    [Fact]
    public void CountryCodes_HoldsEveryAssignedCode()
        => Assert.Equal(249, Shop.Domain.CountryCodes.Count);

    private async Task<JsonElement> RegisterAsync(string firstName)
        => (await users.Client().PostAsync(Gql.Register, new { input = new { email = UsersHost.NewEmail(), password = UsersHost.Password, firstName, lastName = "Tran" } }))
            .EnsureNoErrors().Data.GetProperty("register");
}
