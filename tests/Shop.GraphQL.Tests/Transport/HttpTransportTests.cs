using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>GraphQL over HTTP: methods, media types and every status code the spec assigns.</summary>
public sealed class HttpTransportTests(SampleHost sample) : IClassFixture<SampleHost>
{
    private const string Json = "application/json";
    private const string GraphQLJson = GraphQLHttpClient.GraphQLResponseJson;

    private readonly GraphQLHttpClient _client = sample.Client();

    [Fact]
    public async Task Post_Query_Returns200WithGraphQLResponseJson()
    {
        var response = await _client.PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
        Assert.Equal("world", response.EnsureNoErrors().Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_AcceptApplicationJson_RespondsInApplicationJson()
    {
        var response = await _client.PostAsync("{ hello }", accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Post_NoAcceptHeader_AnswersApplicationJson()
    {
        var response = await _client.SendRawAsync(HttpMethod.Post, """{"query":"{ hello }"}""", accept: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith(Json, response.ContentType);
    }

    [Theory]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html, */*;q=0.1", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("*/*;q=0.5, application/graphql-response+json", GraphQLJson)]
    public async Task Post_AcceptWithQualities_PicksTheClientsPreference(string accept, string expected)
    {
        var response = await _client.PostAsync("{ hello }", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith(expected, response.ContentType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, image/png")]
    [InlineData("application/json;q=0")]
    public async Task Post_NothingAcceptable_Returns406(string accept)
    {
        var response = await _client.PostAsync("{ hello }", accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Post_BodyNotJson_Returns415(string contentType)
    {
        var response = await _client.SendRawAsync(HttpMethod.Post, """{"query":"{ hello }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Theory]
    [InlineData("NONSENSE")]
    [InlineData("""{"query":""")]
    [InlineData("[]")]
    [InlineData("\"{ hello }\"")]
    [InlineData("""{"qeury":"{ hello }"}""")]
    [InlineData("""{"query":5}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":"{ hello }","variables":[7]}""")]
    [InlineData("""{"query":"{ hello }","variables":"{}"}""")]
    [InlineData("""{"query":"{ hello }","operationName":7}""")]
    [InlineData("""{"query":"{ hello }","extensions":"x"}""")]
    public async Task Post_MalformedRequest_Returns400InEitherMediaType(string body)
    {
        foreach (var accept in new[] { GraphQLJson, Json })
        {
            var response = await _client.SendRawAsync(HttpMethod.Post, body, accept: accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("BAD_REQUEST", Assert.Single(response.ErrorCodes));
            Assert.False(response.HasData);
        }
    }

    [Fact]
    public async Task Post_NullOptionalParameters_AreAccepted()
    {
        var response = await _client.SendRawAsync(
            HttpMethod.Post, """{"query":"{ hello }","variables":null,"operationName":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        response.EnsureNoErrors();
    }

    [Theory]
    [InlineData("{", HttpStatusCode.BadRequest, HttpStatusCode.OK)]
    [InlineData("{ nope }", HttpStatusCode.BadRequest, HttpStatusCode.OK)]
    [InlineData("query A { hello } query B { hello }", HttpStatusCode.BadRequest, HttpStatusCode.OK)]
    public async Task Post_DocumentErrors_Are400ForGraphQLJsonAnd200ForJson(string query, HttpStatusCode graphQLJson, HttpStatusCode json)
    {
        var strict = await _client.PostAsync(query);
        var legacy = await _client.PostAsync(query, accept: Json);

        Assert.Equal(graphQLJson, strict.Status);
        Assert.Equal(json, legacy.Status);
        Assert.NotEmpty(strict.Errors);
        Assert.False(strict.HasData);
        Assert.False(legacy.HasData);
    }

    [Fact]
    public async Task Post_UnknownOperationName_IsARequestError()
    {
        var strict = await _client.PostAsync("query A { hello }", operationName: "B");
        var legacy = await _client.PostAsync("query A { hello }", operationName: "B", accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
    }

    [Fact]
    public async Task Post_VariableOfWrongType_IsARequestError()
    {
        const string Query = "query ($t: String!) { echo(text: $t) }";
        var strict = await _client.PostAsync(Query, new { t = new[] { 1, 2 } });
        var missing = await _client.PostAsync(Query, new { });

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.False(strict.HasData);
    }

    [Fact]
    public async Task Post_Variables_AreCoercedAndUsed()
    {
        var response = await _client.PostAsync("query ($t: String!) { echo(text: $t) }", new { t = "xin chào ✓" });

        Assert.Equal("xin chào ✓", response.EnsureNoErrors().Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Post_FieldError_Returns200WithPartialData()
    {
        var response = await _client.PostAsync("{ hello boom }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        Assert.Single(response.Errors);
    }

    [Fact]
    public async Task Post_Mutation_Executes()
    {
        var response = await _client.PostAsync("mutation { increment }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.EnsureNoErrors().Data.GetProperty("increment").GetInt32() > 0);
    }

    [Fact]
    public async Task Post_Subscription_IsRefusedWithoutAStream()
    {
        var response = await _client.PostAsync("subscription { count(to: 1) }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("SUBSCRIPTION_NEEDS_STREAM", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Get_Query_Executes()
    {
        var response = await _client.GetAsync("query ($t: String!) { echo(text: $t) }", new { t = "via GET" }, accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("via GET", response.EnsureNoErrors().Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Get_Mutation_Returns405WithAllowPost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { increment }"));
        using var response = await _client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Get_MutationOfACachedDocument_IsStillRefused()
    {
        const string Mutation = "mutation Cached { increment }";
        (await _client.PostAsync(Mutation)).EnsureNoErrors();

        var response = await _client.GetAsync(Mutation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    [Theory]
    [InlineData("query=%7B%20hello%20%7D&query=%7B%20hello%20%7D")]
    [InlineData("variables=%7B")]
    [InlineData("query=%7B%20hello%20%7D&variables=%5B1%5D")]
    [InlineData("query=%7B%20hello%20%7D&extensions=notjson")]
    [InlineData("operationName=A")]
    public async Task Get_MalformedParameters_Return400(string queryString)
    {
        var response = await _client.SendRawAsync(HttpMethod.Get, body: null, queryString: queryString);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Return405(string method)
    {
        var response = await _client.SendRawAsync(new HttpMethod(method), """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    [Fact]
    public async Task Post_RepeatedDocument_IsServedFromTheCache()
    {
        const string Query = "query Repeated { hello }";
        var cache = sample.Host.Services.GetServices<global::GraphQL.DI.IConfigureExecution>().OfType<Shop.GraphQL.Execution.DocumentCache>().Single();
        var first = await _client.PostAsync(Query);
        var hitsBefore = cache.Hits;
        var second = await _client.PostAsync(Query);

        Assert.Equal(first.Raw, second.Raw);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.True(cache.Hits > hitsBefore, "the repeated document was parsed and validated again");
    }
}
