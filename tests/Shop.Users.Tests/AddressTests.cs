using System.Text.Json;
using Npgsql;

namespace Shop.Users.Tests;

/// <summary>The address book: at most one default, kept by the code and by the database.</summary>
public sealed class AddressTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task AddAddress_FirstBecomesDefault_AndANewDefaultReplacesIt()
    {
        var client = users.Client((await users.NewCustomerAsync()).AccessToken);

        var first = await AddAsync(client, isDefault: null);
        var second = await AddAsync(client, isDefault: false);
        var third = await AddAsync(client, isDefault: true);

        Assert.True(first.GetProperty("address").GetProperty("isDefault").GetBoolean());
        Assert.False(second.GetProperty("address").GetProperty("isDefault").GetBoolean());
        var user = third.GetProperty("user");
        Assert.Equal(third.GetProperty("address").GetProperty("id").GetString(), user.GetProperty("defaultAddress").GetProperty("id").GetString());
        Assert.Single(user.GetProperty("addresses").EnumerateArray(), a => a.GetProperty("isDefault").GetBoolean());
        Assert.Equal(3, user.GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public async Task AddAddress_InvalidFields_AreReportedAndNothingIsStored()
    {
        var client = users.Client((await users.NewCustomerAsync()).AccessToken);

        var payload = (await client.PostAsync(Gql.AddAddress, new { input = new { recipientName = "", line1 = "1 Le Loi", city = " ", countryCode = "Vietnam", phone = "x" } }))
            .EnsureNoErrors().Data.GetProperty("addAddress");
        var me = (await client.PostAsync("{ me { addresses { id } } }")).EnsureNoErrors().Data.GetProperty("me");

        Assert.Equal(["INVALID_ADDRESS", "INVALID_PHONE", "INVALID_ADDRESS", "INVALID_COUNTRY_CODE"], Gql.Codes(payload));
        Assert.Equal(0, me.GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public async Task SetDefaultAddress_MovesTheDefault_AndRemovingTheDefaultPromotesTheNewest()
    {
        var client = users.Client((await users.NewCustomerAsync()).AccessToken);
        var a = Id(await AddAsync(client, null));
        var b = Id(await AddAsync(client, null));
        var c = Id(await AddAsync(client, null));

        var setDefault = (await client.PostAsync(Gql.SetDefaultAddress, new { input = new { addressId = b } })).EnsureNoErrors().Data.GetProperty("setDefaultAddress");
        var removed = (await client.PostAsync(Gql.RemoveAddress, new { input = new { addressId = b } })).EnsureNoErrors().Data.GetProperty("removeAddress");

        Assert.Equal(b, setDefault.GetProperty("user").GetProperty("defaultAddress").GetProperty("id").GetString());
        Assert.Equal(b, removed.GetProperty("removedAddressId").GetString());
        var remaining = removed.GetProperty("user").GetProperty("addresses").EnumerateArray().ToList();
        Assert.Equal([c, a], remaining.Select(x => x.GetProperty("id").GetString()!).ToArray());
        Assert.True(remaining[0].GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task UpdateAddress_ReplacesFields()
    {
        var client = users.Client((await users.NewCustomerAsync()).AccessToken);
        var id = Id(await AddAsync(client, null));

        var updated = (await client.PostAsync(Gql.UpdateAddress, new
        {
            input = new { addressId = id, recipientName = "Hoa Pham", line1 = "12 Hai Ba Trung", city = "Ha Noi", countryCode = "vn", postalCode = "100000" },
        })).EnsureNoErrors().Data.GetProperty("updateAddress").GetProperty("address");

        Assert.Equal("Hoa Pham", updated.GetProperty("recipientName").GetString());
        Assert.Equal("VN", updated.GetProperty("countryCode").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("region").ValueKind);
        Assert.True(updated.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task AnotherUsersAddress_IsNotFound_AndUnchanged()
    {
        var owner = users.Client((await users.NewCustomerAsync()).AccessToken);
        var intruder = users.Client((await users.NewCustomerAsync()).AccessToken);
        var id = Id(await AddAsync(owner, null));

        var remove = (await intruder.PostAsync(Gql.RemoveAddress, new { input = new { addressId = id } })).EnsureNoErrors().Data.GetProperty("removeAddress");
        var setDefault = (await intruder.PostAsync(Gql.SetDefaultAddress, new { input = new { addressId = id } })).EnsureNoErrors().Data.GetProperty("setDefaultAddress");
        var malformed = (await intruder.PostAsync(Gql.SetDefaultAddress, new { input = new { addressId = "nope" } })).EnsureNoErrors().Data.GetProperty("setDefaultAddress");
        var me = (await owner.PostAsync("{ me { addresses { id } } }")).EnsureNoErrors().Data.GetProperty("me");

        Assert.Equal(["NOT_FOUND"], Gql.Codes(remove));
        Assert.Equal(["NOT_FOUND"], Gql.Codes(setDefault));
        Assert.Equal(["INVALID_ID"], Gql.Codes(malformed));
        Assert.Equal(1, me.GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public async Task SetDefaultAddress_InParallel_LeavesExactlyOneDefault()
    {
        var session = await users.NewCustomerAsync();
        var client = users.Client(session.AccessToken);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(Id(await AddAsync(client, null)));
        }

        var results = await Task.WhenAll(ids.Select(id => client.PostAsync(Gql.SetDefaultAddress, new { input = new { addressId = id } })));
        var defaults = await CountDefaultsAsync(session.UserId);

        Assert.All(results, r => Assert.Empty(Gql.Codes(r.EnsureNoErrors().Data.GetProperty("setDefaultAddress"))));
        Assert.Equal(1, defaults);
    }

    [Fact]
    public async Task Database_RefusesASecondDefaultAddress()
    {
        var session = await users.NewCustomerAsync();
        await AddAsync(users.Client(session.AccessToken), null);
        await using var connection = new NpgsqlConnection(users.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO addresses (id, user_id, recipient_name, line1, city, country_code, is_default, created_at, updated_at) " +
            "VALUES (gen_random_uuid(), @user, 'X', 'Y', 'Z', 'VN', true, now(), now())", connection);
        insert.Parameters.AddWithValue("user", session.UserId);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    private static async Task<JsonElement> AddAsync(Shop.Testing.Clients.GraphQLHttpClient client, bool? isDefault)
    {
        var payload = (await client.PostAsync(Gql.AddAddress, new
        {
            input = new { recipientName = "Lan Nguyen", phone = "+84 28 3822 1234", line1 = "1 Le Loi", city = "Ho Chi Minh City", region = "HCM", countryCode = "VN", isDefault },
        })).EnsureNoErrors().Data.GetProperty("addAddress");
        Assert.Empty(Gql.Codes(payload));
        return payload;
    }

    private static string Id(JsonElement payload) => payload.GetProperty("address").GetProperty("id").GetString()!;

    private async Task<long> CountDefaultsAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(users.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM addresses WHERE user_id = @user AND is_default", connection);
        count.Parameters.AddWithValue("user", userId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
