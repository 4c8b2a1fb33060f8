using System.Net;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>
/// Text no store can keep (NUL, UTF-16 that is not text: a lone surrogate), in a variable or in the
/// document, is the client's error, refused before any resolver runs: never an INTERNAL_SERVER_ERROR.
/// </summary>
public sealed class UnsafeTextTests(SampleHost sample) : IClassFixture<SampleHost>
{
    private readonly GraphQLHttpClient _client = sample.Client();

    public static TheoryData<string> UnsafeVariables => [@"\uD800", @"a\uDFFFb", @"a\u0000b", @"\uDC00\uD800"];

    [Theory]
    [MemberData(nameof(UnsafeVariables))]
    public async Task Variable_UnsafeText_IsBadUserInput(string escaped)
    {
        var body = "{\"query\":\"query ($t: String!) { echo(text: $t) }\",\"variables\":{\"t\":\"" + escaped + "\"}}";

        var response = await _client.SendRawAsync(HttpMethod.Post, body, accept: GraphQLHttpClient.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Variable_NestedInAList_IsChecked()
    {
        var body = """{"query":"query ($t: String!) { echo(text: $t) }","variables":{"t":"ok","extra":["fine",{"deep":"\u0000"}]}}""";

        var response = await _client.SendRawAsync(HttpMethod.Post, body, accept: GraphQLHttpClient.GraphQLResponseJson);

        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.ErrorCodes));
    }

    [Theory]
    [InlineData(@"{ echo(text: \""a\\u0000b\"") }")]
    [InlineData(@"{ echo(text: \""\\uD800\"") }")]
    public async Task Literal_UnsafeText_IsBadUserInput(string query)
    {
        var response = await _client.SendRawAsync(HttpMethod.Post, "{\"query\":\"" + query + "\"}", accept: GraphQLHttpClient.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Text_WithPairedSurrogatesAndNewlines_IsServed()
    {
        var response = await _client.PostAsync("query ($t: String!) { echo(text: $t) }", new { t = "phở 🍜\nline two" });

        Assert.Equal("phở 🍜\nline two", response.EnsureNoErrors().Data.GetProperty("echo").GetString());
    }
}
