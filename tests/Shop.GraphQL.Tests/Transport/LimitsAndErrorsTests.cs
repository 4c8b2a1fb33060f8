using System.Net;
using System.Text;

namespace Shop.GraphQL.Tests.Transport;

public sealed class LimitsAndErrorsTests(LimitsAndErrorsTests.Host sample) : IClassFixture<LimitsAndErrorsTests.Host>
{
    public sealed class Host : SampleHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:GraphQL:MaxDepth"] = "3",
            ["Shop:GraphQL:MaxFieldCount"] = "20",
            ["Shop:GraphQL:MaxDocumentLength"] = "2000",
            ["Shop:GraphQL:MaxRequestBodySize"] = "10000",
        };
    }

    [Fact]
    public async Task Resolver_Exception_IsMaskedWithATraceId()
    {
        var response = await sample.Client().PostAsync("{ boom }");

        var error = Assert.Single(response.Errors);
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("extensions").GetProperty("traceId").GetString());
        Assert.DoesNotContain("hunter2", response.Raw);
        Assert.DoesNotContain("InvalidOperationException", response.Raw);
    }

    [Fact]
    public async Task Depth_OverTheLimit_IsRefused()
    {
        var within = await sample.Client().PostAsync("{ books { author { name } } }");
        var deep = await sample.Client().PostAsync("query { __schema { types { fields { type { name } } } } }");

        within.EnsureNoErrors();
        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Contains("MAX_DEPTH_EXCEEDED", deep.ErrorCodes);
    }

    [Fact]
    public async Task Limits_StillApply_WhenACachedDocumentIsRunWithAnotherOperation()
    {
        const string Document = "query Small { hello } query Deep { __schema { types { fields { type { name } } } } }";
        (await sample.Client().PostAsync(Document, operationName: "Small")).EnsureNoErrors();

        var deep = await sample.Client().PostAsync(Document, operationName: "Deep");

        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Contains("MAX_DEPTH_EXCEEDED", deep.ErrorCodes);
    }

    [Fact]
    public async Task FieldCount_CountsFragmentsWhereSpread()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 8).Select(i => $"b{i}: books {{ ...F }}")) + " } fragment F on Book { id title }";

        var response = await sample.Client().PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("MAX_FIELDS_EXCEEDED", response.ErrorCodes);
    }

    [Fact]
    public async Task Document_LongerThanTheLimit_IsRefused()
    {
        var query = "{ hello " + new string(' ', 2100) + "}";

        var response = await sample.Client().PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Body_LargerThanTheLimit_Returns413()
    {
        var body = "{\"query\":\"{ hello }\",\"variables\":{\"pad\":\"" + new string('x', 20_000) + "\"}}";

        var response = await sample.Client().SendRawAsync(HttpMethod.Post, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task Body_InvalidUtf8_Returns400()
    {
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"query\":\"{ hello }\",\"x\":\""), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        content.Headers.ContentType = new("application/json");
        using var response = await sample.Host.CreateHttpClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
