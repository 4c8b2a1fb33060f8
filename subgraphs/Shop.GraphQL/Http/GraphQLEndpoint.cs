using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.GraphQL.Execution;
using Shop.GraphQL.Sse;
using Shop.GraphQL.WebSockets;
using Shop.ServiceDefaults.Auth;

namespace Shop.GraphQL.Http;

/// <summary>
/// The one GraphQL URL: GraphQL over HTTP (GET and POST), GraphQL over SSE when the client accepts
/// <c>text/event-stream</c>, and graphql-transport-ws on a WebSocket upgrade.
/// </summary>
internal sealed class GraphQLEndpoint(
    GraphQLExecutor executor,
    GraphQLRequestParser parser,
    IGraphQLTextSerializer serializer,
    SseResponder sse,
    GraphQLWsHandler webSockets,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLEndpoint> logger)
{
    /// <summary>
    /// Serves one request. An exception that escapes is answered here, as a masked error with a
    /// trace id, so no environment's exception page (the developer page shows stack traces, paths
    /// and headers) ever answers a GraphQL client.
    /// </summary>
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await ServeAsync(context);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            var masked = UnexpectedFailure.Mask(logger, exception, "HTTP");
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteResultAsync(context, StatusCodes.Status500InternalServerError, ResponseFormat.Json, masked);
            }
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ResponseFormat.Json, "METHOD_NOT_ALLOWED", "Use GET or POST.");
            return;
        }

        if (BearerTokenRejected(context) && AuthUnavailableException.WasMarked(context))
        {
            // The token may be fine; the keys to check it are out of reach. Try again, do not sign in again.
            context.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ResponseFormat.Json, "AUTH_UNAVAILABLE",
                "The access token cannot be checked right now; try again shortly.");
            return;
        }

        if (BearerTokenRejected(context))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ResponseFormat.Json, "UNAUTHENTICATED", "The access token is invalid or expired.");
            return;
        }

        if (isGet && context.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(context);
            return;
        }

        var format = MediaTypes.Negotiate(request);
        if (format == ResponseFormat.NotAcceptable)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, ResponseFormat.Json, "NOT_ACCEPTABLE",
                $"Accept one of {MediaTypes.GraphQLResponseJson}, {MediaTypes.Json} or {MediaTypes.EventStream}.");
            return;
        }

        // Request-level failures are written as JSON even to SSE clients: there is no stream yet.
        var errorFormat = format == ResponseFormat.EventStream ? ResponseFormat.Json : format;
        ParseResult parsed;
        if (isGet)
        {
            parsed = parser.ReadQueryString(request.Query);
        }
        else if (!MediaTypes.IsJsonRequestBody(request))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, errorFormat, "UNSUPPORTED_MEDIA_TYPE",
                "POST bodies must be application/json in UTF-8.");
            return;
        }
        else
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            {
                sizeLimit.MaxRequestBodySize = options.Value.MaxRequestBodySize;
            }

            try
            {
                parsed = await parser.ReadBodyAsync(request, context.RequestAborted);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await WriteErrorAsync(context, exception.StatusCode, errorFormat, "REQUEST_TOO_LARGE",
                    $"The request body is larger than {options.Value.MaxRequestBodySize} bytes.");
                return;
            }
        }

        if (parsed.Request is not { } body)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, errorFormat, parsed.Code, parsed.Error!);
            return;
        }

        var transport = (isGet, format) switch
        {
            (true, ResponseFormat.EventStream) => GraphQLTransport.StreamGet,
            (false, ResponseFormat.EventStream) => GraphQLTransport.Stream,
            (true, _) => GraphQLTransport.HttpGet,
            _ => GraphQLTransport.HttpPost,
        };

        var result = await executor.ExecuteAsync(body, transport, context.User, context.RequestServices, context.RequestAborted);
        if (result.Errors?.Any(error => error is MutationOverGetError) == true)
        {
            context.Response.Headers.Allow = "POST";
            await WriteResultAsync(context, StatusCodes.Status405MethodNotAllowed, errorFormat, result);
            return;
        }

        if (format == ResponseFormat.EventStream)
        {
            await sse.WriteAsync(context, result);
            return;
        }

        // application/json: 200 for every well-formed request. graphql-response+json: a result
        // without data (the request failed before execution) is 400.
        var status = format == ResponseFormat.Json || result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await WriteResultAsync(context, status, format, result);
    }

    /// <summary>
    /// Credentials were sent and did not authenticate (a bad, expired or empty bearer token, or a
    /// scheme Shop does not use): the caller must know, not be served as anonymous.
    /// </summary>
    private static bool BearerTokenRejected(HttpContext context)
        => context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true;

    private Task WriteErrorAsync(HttpContext context, int status, ResponseFormat format, string code, string message)
        => WriteResultAsync(context, status, format, GraphQLExecutor.RequestError(code, message));

    private async Task WriteResultAsync(HttpContext context, int status, ResponseFormat format, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaTypes.ContentType(format);
        // Serialized up front: one write with a Content-Length instead of a chunked, flushed stream.
        var body = System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(result));
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
