using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>Creating accounts: the password policy, email uniqueness regardless of case, field validation; and profile updates.</summary>
public sealed class RegistrationTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task Register_ValidInput_CreatesACustomer_WithoutExposingTheHash()
    {
        var email = UsersHost.NewEmail();

        var response = await Register(email, UsersHost.Password, phone: "+84 90 123 4567");

        Assert.Empty(Gql.Codes(response));
        var user = response.GetProperty("user");
        Assert.Equal("CUSTOMER", user.GetProperty("role").GetString());
        Assert.Equal("+84901234567", user.GetProperty("phone").GetString());
        Assert.DoesNotContain("password", user.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_SameEmailInAnotherCase_IsEmailTaken()
    {
        var email = UsersHost.NewEmail("Taken");
        await users.RegisterAsync(email);

        var response = await Register(email.ToUpperInvariant(), UsersHost.Password);

        Assert.Equal(["EMAIL_TAKEN"], Gql.Codes(response));
        Assert.Equal(JsonValueKind.Null, response.GetProperty("user").ValueKind);
    }

    [Fact]
    public async Task Register_SameEmailInParallel_CreatesOneAccount()
    {
        var email = UsersHost.NewEmail("race");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Register(i % 2 == 0 ? email : email.ToUpperInvariant(), UsersHost.Password)));

        Assert.Single(results, payload => Gql.Codes(payload).Length == 0);
        Assert.All(results.Where(payload => Gql.Codes(payload).Length > 0), payload => Assert.Equal(["EMAIL_TAKEN"], Gql.Codes(payload)));
    }

    [Theory]
    [InlineData("Short-1", "PASSWORD_TOO_SHORT")]
    [InlineData("password123", "PASSWORD_TOO_WEAK")]
    [InlineData("aaaaaaaaaaaaaaaa", "PASSWORD_TOO_WEAK")]
    [InlineData("weakling-secret-99", "PASSWORD_TOO_WEAK")]
    public async Task Register_WeakPassword_IsRefusedWithItsCode(string password, string code)
    {
        var email = $"weakling@{Guid.NewGuid():N}.example.test";

        var response = await Register(email, password);
        var login = await users.Client().PostAsync(Gql.Login, new { input = new { email, password } });

        Assert.Equal([code], Gql.Codes(response));
        Assert.Equal("password", response.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(login.EnsureNoErrors().Data.GetProperty("login")));
    }

    [Fact]
    public async Task Register_TooLongPassword_IsRefused()
    {
        var response = await Register(UsersHost.NewEmail(), new string('x', 100) + "-Long-Password-" + new string('y', 20));

        Assert.Equal(["PASSWORD_TOO_LONG"], Gql.Codes(response));
    }

    [Fact]
    public async Task Register_InvalidFields_ReportsEachOne()
    {
        var response = await Register("not-an-email", UsersHost.Password, firstName: " ", lastName: new string('n', 101), phone: "12");

        Assert.Equal(["INVALID_EMAIL", "INVALID_NAME", "INVALID_NAME", "INVALID_PHONE"], Gql.Codes(response));
        Assert.Equal(["email", "firstName", "lastName", "phone"],
            response.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray());
    }

    [Fact]
    public async Task UpdateProfile_ReplacesNamesAndPhone()
    {
        var session = await users.NewCustomerAsync();
        var client = users.Client(session.AccessToken);

        var updated = (await client.PostAsync(Gql.UpdateProfile, new { input = new { firstName = "  Minh ", lastName = "Tran", phone = "0901 234 567" } }))
            .EnsureNoErrors().Data.GetProperty("updateProfile");
        var cleared = (await client.PostAsync(Gql.UpdateProfile, new { input = new { firstName = "Minh", lastName = "Tran" } }))
            .EnsureNoErrors().Data.GetProperty("updateProfile");
        var invalid = (await client.PostAsync(Gql.UpdateProfile, new { input = new { firstName = "", lastName = "Tran", phone = "abc" } }))
            .EnsureNoErrors().Data.GetProperty("updateProfile");

        Assert.Equal("Minh", updated.GetProperty("user").GetProperty("firstName").GetString());
        Assert.Equal("0901234567", updated.GetProperty("user").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("user").GetProperty("phone").ValueKind);
        Assert.Equal(["INVALID_NAME", "INVALID_PHONE"], Gql.Codes(invalid));
    }

    private async Task<JsonElement> Register(string email, string password, string firstName = "Test", string lastName = "User", string? phone = null)
        => (await users.Client().PostAsync(Gql.Register, new { input = new { email, password, firstName, lastName, phone } }))
            .EnsureNoErrors().Data.GetProperty("register");

    [Fact]
    public async Task Register_TwentyAliasesInOneRequest_IsRefusedBeforeAnyAccountIsCreated()
    {
        var emails = Enumerable.Range(0, 20).Select(_ => UsersHost.NewEmail("alias")).ToList();
        var fields = emails.Select((email, i) =>
            $"r{i}: register(input: {{ email: \"{email}\", password: \"{UsersHost.Password}\", firstName: \"A\", lastName: \"B\" }}) {{ user {{ id }} }}");

        var response = await users.Client().PostAsync("mutation { " + string.Join(' ', fields) + " }");
        var login = (await users.Client().PostAsync(Gql.Login, new { input = new { email = emails[0], password = UsersHost.Password } }))
            .EnsureNoErrors().Data.GetProperty("login");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_ROOT_FIELDS_EXCEEDED", Assert.Single(response.ErrorCodes));
        Assert.Equal(["INVALID_CREDENTIALS"], Gql.Codes(login));
    }
}
