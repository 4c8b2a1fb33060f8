namespace Shop.GraphQL.Tests;

public sealed class DataLoaderTests(SampleHost sample) : IClassFixture<SampleHost>
{
    [Fact]
    public async Task SiblingReferences_AreFetchedInOneBatch()
    {
        var batchesBefore = sample.Probe.AuthorBatches.Count;

        var response = await sample.Client().PostAsync("{ books { title author { name } } }");

        var books = response.EnsureNoErrors().Data.GetProperty("books").EnumerateArray().ToList();
        Assert.Equal(10, books.Count);
        Assert.All(books, book => Assert.StartsWith("Author ", book.GetProperty("author").GetProperty("name").GetString()));
        var batch = Assert.Single(sample.Probe.AuthorBatches.Skip(batchesBefore));
        Assert.Equal(5, batch.Count);
    }

    [Fact]
    public async Task EntityReferences_AreResolvedInOneBatch()
    {
        var batchesBefore = sample.Probe.AuthorBatches.Count;
        var representations = Enumerable.Range(1, 5).Select(id => new Dictionary<string, object> { ["__typename"] = "Author", ["id"] = id.ToString() }).ToArray();

        var response = await sample.Client().PostAsync(
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Author { id name } } }", new { r = representations });

        Assert.Equal(5, response.EnsureNoErrors().Data.GetProperty("_entities").GetArrayLength());
        Assert.Single(sample.Probe.AuthorBatches.Skip(batchesBefore));
    }

    [Fact]
    public async Task SeparateRequests_DoNotShareACache()
    {
        var batchesBefore = sample.Probe.AuthorBatches.Count;

        await sample.Client().PostAsync("{ books { author { name } } }");
        await sample.Client().PostAsync("{ books { author { name } } }");

        Assert.Equal(2, sample.Probe.AuthorBatches.Count - batchesBefore);
    }
}
