using System.Net;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>The kit's own budget: a subgraph refuses, before running it, an operation over any limit.</summary>
public sealed class BudgetTests(BudgetTests.Host sample) : IClassFixture<BudgetTests.Host>
{
    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:GraphQL:MaxCost"] = "500",
            ["Shop:GraphQL:MaxAliases"] = "3",
            ["Shop:GraphQL:MaxMutationRootFields"] = "2",
        };
    }

    [Fact]
    public async Task Cost_TakesListSizesFromFirst()
    {
        // 1 + 100 × (id + title + author + name) = 401.
        var within = await sample.Client().PostAsync("{ shelf(first: 100) { id title author { name } } }");
        var over = await sample.Client().PostAsync("{ shelf(first: 200) { id title author { name } } }");

        within.EnsureNoErrors();
        AssertRefused(over, "MAX_COST_EXCEEDED", "801", "500");
    }

    [Fact]
    public async Task Cost_OfACachedDocument_IsJudgedWithEachRequestsVariables()
    {
        const string Query = "query ($n: Int) { shelf(first: $n) { id title author { name } } }";
        (await sample.Client().PostAsync(Query, new { n = 10 })).EnsureNoErrors();

        var over = await sample.Client().PostAsync(Query, new { n = 1000 });

        AssertRefused(over, "MAX_COST_EXCEEDED", "4001", "500");
    }

    [Fact]
    public async Task Cost_OfACachedDocument_IsJudgedAgainWhenAVariableDecidesWhichFieldsCount()
    {
        // 1 + 200 × 4 for the shelf, 1 for hello: over the limit only when the shelf is not skipped.
        const string Query = "query ($skip: Boolean!) { shelf(first: 200) @skip(if: $skip) { id title author { name } } hello }";
        (await sample.Client().PostAsync(Query, new { skip = true })).EnsureNoErrors();

        var over = await sample.Client().PostAsync(Query, new { skip = false });

        AssertRefused(over, "MAX_COST_EXCEEDED", "802", "500");
    }

    [Fact]
    public async Task Cost_OfACachedDocumentWithAFixedCost_KeepsItsVerdict()
    {
        const string Query = "query ($text: String!) { shelf(first: 100) { id title author { name } } echo(text: $text) }";

        var first = await sample.Client().PostAsync(Query, new { text = "a" });
        var second = await sample.Client().PostAsync(Query, new { text = "b" });

        first.EnsureNoErrors();
        second.EnsureNoErrors();
        Assert.Equal("b", second.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Cost_NegativeFirst_DoesNotBuyRoomForOtherFields()
    {
        var query = "{ a: shelf(first: -1000000) { id title author { name } } b: shelf(first: 150) { id title author { name } } }";

        var response = await sample.Client().PostAsync(query);

        AssertRefused(response, "MAX_COST_EXCEEDED", "606", "500");
    }

    [Fact]
    public async Task Cost_OfEntities_CountsTheRepresentations()
    {
        static string Entities(int count) => "{ _entities(representations: ["
            + string.Join(',', Enumerable.Range(1, count).Select(i => $"{{ __typename: \"Author\", id: \"{(i % 5) + 1}\" }}"))
            + "]) { ... on Author { id name } } }";

        var few = await sample.Client().PostAsync(Entities(5));
        var many = await sample.Client().PostAsync(Entities(300));

        few.EnsureNoErrors();
        AssertRefused(many, "MAX_COST_EXCEEDED", "601", "500");
    }

    [Fact]
    public async Task Aliases_OverTheLimit_AreRefused()
    {
        var within = await sample.Client().PostAsync("{ a: hello b: hello c: hello }");
        var over = await sample.Client().PostAsync("{ ...F } fragment F on Query { a: hello b: hello c: hello d: hello }");

        within.EnsureNoErrors();
        AssertRefused(over, "MAX_ALIASES_EXCEEDED", "4", "3");
    }

    [Fact]
    public async Task MutationRootFields_OverTheLimit_AreRefusedBeforeAnyRuns()
    {
        var before = await IncrementAsync();

        var over = await sample.Client().PostAsync("mutation { a: increment b: increment c: increment }");

        AssertRefused(over, "MAX_ROOT_FIELDS_EXCEEDED", "3", "2");
        Assert.Equal(before + 1, await IncrementAsync());
    }

    private async Task<int> IncrementAsync()
    {
        var response = await sample.Client().PostAsync("mutation { increment }");
        response.EnsureNoErrors();
        return response.Data.GetProperty("increment").GetInt32();
    }

    private static void AssertRefused(Shop.Testing.Clients.GraphQLResponse response, string code, string figure, string limit)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains(figure, message, StringComparison.Ordinal);
        Assert.Contains("limit is " + limit, message, StringComparison.Ordinal);
        Assert.False(response.Raw.Contains("\"data\"", StringComparison.Ordinal));
    }
}
