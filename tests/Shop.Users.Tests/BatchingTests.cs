using System.Diagnostics;

namespace Shop.Users.Tests;

/// <summary>Lists and references resolve through batch loaders: the number of queries does not grow with the items.</summary>
public sealed class BatchingTests(UsersHost users) : IClassFixture<UsersHost>
{
    private const string UsersWithAddresses = "query($first: Int) { users(first: $first) { nodes { id addresses { id } defaultAddress { city } } } }";
    private const string Entities = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id addresses { id } } } }";

    [Fact]
    public async Task UsersAndEntities_WithAddresses_TakeAsManyQueriesForTenAsForTwo()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var session = await users.NewCustomerAsync();
            ids.Add(session.UserId);
            var added = await users.Client(session.AccessToken).PostAsync(Gql.AddAddress, new
            {
                input = new { recipientName = "R", line1 = "L", city = $"City {i}", countryCode = "VN" },
            });
            Assert.Empty(Gql.Codes(added.EnsureNoErrors().Data.GetProperty("addAddress")));
        }

        var admin = users.Client((await users.AdminAsync()).AccessToken);
        object References(int count) => new { r = ids.Take(count).Select(id => new { __typename = "User", id = id.ToString() }).ToArray() };

        var forTwo = await CountQueriesAsync(() => admin.PostAsync(UsersWithAddresses, new { first = 2 }));
        var forTen = await CountQueriesAsync(() => admin.PostAsync(UsersWithAddresses, new { first = 10 }));
        var entitiesForTwo = await CountQueriesAsync(() => admin.PostAsync(Entities, References(2)));
        var entitiesForTen = await CountQueriesAsync(() => admin.PostAsync(Entities, References(10)));

        Assert.Equal(forTwo, forTen);
        Assert.InRange(forTen, 1, 4);
        Assert.Equal(entitiesForTwo, entitiesForTen);
        Assert.Equal(2, entitiesForTen);
    }

    /// <summary>Round trips to this test class's database (it has a unique name) while the request runs.</summary>
    private async Task<int> CountQueriesAsync(Func<Task<Shop.Testing.Clients.GraphQLResponse>> request)
    {
        var count = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => tag.Value is string text && text.Contains(users.Name, StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        (await request()).EnsureNoErrors();
        return Volatile.Read(ref count);
    }
}
