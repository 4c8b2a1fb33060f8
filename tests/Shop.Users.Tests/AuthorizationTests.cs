using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>Who may read which account: yourself, or anyone for an admin.</summary>
public sealed class AuthorizationTests(UsersHost users) : IClassFixture<UsersHost>
{
    private const string UserById = "query($id: ID!) { user(id: $id) { id email } }";
    private const string Entities = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email addresses { id } } } }";

    [Fact]
    public async Task Me_Anonymous_IsUnauthenticated()
    {
        var response = await users.Client().PostAsync(Gql.Me);

        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task User_Self_IsServed()
    {
        var customer = await users.NewCustomerAsync();

        var response = await users.Client(customer.AccessToken).PostAsync(UserById, new { id = customer.UserId });

        Assert.Equal(customer.UserId.ToString(), response.EnsureNoErrors().Data.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task User_CustomerReadingAnotherUser_IsForbidden()
    {
        var customer = await users.NewCustomerAsync();
        var other = await users.NewCustomerAsync();

        var response = await users.Client(customer.AccessToken).PostAsync(UserById, new { id = other.UserId });

        Assert.Equal("FORBIDDEN", Assert.Single(response.ErrorCodes));
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("user").ValueKind);
    }

    [Fact]
    public async Task User_AdminReadingAnyUser_IsServed()
    {
        var admin = await users.AdminAsync();
        var other = await users.NewCustomerAsync();

        var response = await users.Client(admin.AccessToken).PostAsync(UserById, new { id = other.UserId });

        Assert.Equal(other.UserId.ToString(), response.EnsureNoErrors().Data.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task User_MalformedId_IsInvalidId()
    {
        var admin = await users.AdminAsync();

        var response = await users.Client(admin.AccessToken).PostAsync(UserById, new { id = "42" });

        Assert.Equal("INVALID_ID", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Users_CustomerOrAnonymous_IsRefused()
    {
        var customer = await users.NewCustomerAsync();

        var asCustomer = await users.Client(customer.AccessToken).PostAsync("{ users { totalCount } }");
        var anonymous = await users.Client().PostAsync("{ users { totalCount } }");

        Assert.Equal("FORBIDDEN", Assert.Single(asCustomer.ErrorCodes));
        Assert.Equal("UNAUTHENTICATED", Assert.Single(anonymous.ErrorCodes));
    }

    [Fact]
    public async Task Users_Admin_PagesThroughSearchResultsWithTotalCount()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        foreach (var i in Enumerable.Range(0, 5))
        {
            await users.RegisterAsync($"paged-{tag}-{i}@example.test");
        }

        var admin = users.Client((await users.AdminAsync()).AccessToken);
        const string Page = "query($after: String, $search: String) { users(first: 2, after: $after, search: $search) { totalCount pageInfo { hasNextPage endCursor } edges { node { email } } } }";

        var seen = new List<string>();
        string? after = null;
        int pages = 0, total = 0;
        do
        {
            var connection = (await admin.PostAsync(Page, new { after, search = tag.ToUpperInvariant() })).EnsureNoErrors().Data.GetProperty("users");
            total = connection.GetProperty("totalCount").GetInt32();
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("email").GetString()!));
            var info = connection.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(5, total);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"paged-{tag}-{i}@example.test"), seen);
    }

    [Fact]
    public async Task Users_SearchWithWildcards_MatchesThemLiterally()
    {
        var admin = users.Client((await users.AdminAsync()).AccessToken);

        var response = await admin.PostAsync("{ users(search: \"%_%\") { totalCount } }");

        Assert.Equal(0, response.EnsureNoErrors().Data.GetProperty("users").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\u200Bb")]
    [InlineData("a\u202Eb")]
    [InlineData("too long: 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task Users_SearchNotPlainTextOrTooLong_InvalidArgument(string search)
    {
        var admin = users.Client((await users.AdminAsync()).AccessToken);

        var response = await admin.PostAsync("query($search: String) { users(search: $search) { totalCount } }", new { search });

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Entities_ResolveUsersForTheOwnerOrAnAdmin_AndRefuseOthers()
    {
        var customer = await users.NewCustomerAsync();
        var other = await users.NewCustomerAsync();
        var admin = await users.AdminAsync();
        var representations = new[] { new { __typename = "User", id = customer.UserId.ToString() }, new { __typename = "User", id = other.UserId.ToString() } };

        var asAdmin = await users.Client(admin.AccessToken).PostAsync(Entities, new { r = representations });
        var asCustomer = await users.Client(customer.AccessToken).PostAsync(Entities, new { r = representations });

        var entities = asAdmin.EnsureNoErrors().Data.GetProperty("_entities");
        Assert.Equal([customer.UserId.ToString(), other.UserId.ToString()], entities.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(customer.UserId.ToString(), asCustomer.Data.GetProperty("_entities")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, asCustomer.Data.GetProperty("_entities")[1].ValueKind);
        Assert.Equal("FORBIDDEN", Assert.Single(asCustomer.ErrorCodes));
    }
}
