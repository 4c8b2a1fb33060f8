using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    internal const string JwksHttpClient = "shop-jwks";

    /// <summary>
    /// JWT bearer validation of Shop access tokens: RS256/ES256 only, issuer, audience and lifetime
    /// checked, signing keys from the users service's JWKS (cached, refreshed on an unknown key id).
    /// </summary>
    public static IServiceCollection AddShopAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName)
            .Validate(o => o.JwksUrl is null || o.JwksUrl.IsAbsoluteUri, "Shop:Auth:JwksUrl is an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && !string.IsNullOrWhiteSpace(o.Audience), "Shop:Auth:Issuer and Audience are required.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.KeyRefreshMinInterval >= TimeSpan.Zero, "Shop:Auth:ClockSkew and KeyRefreshMinInterval must not be negative.")
            .Validate(o => o.KeyMaxAge > TimeSpan.Zero, "Shop:Auth:KeyMaxAge must be positive.")
            .ValidateOnStart();
        services.AddHttpClient(JwksHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IHttpClientFactory>(Configure);
        services.AddAuthorization();
        services.AddSingleton<AccessTokenValidator>();
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, IOptions<AuthOptions> authOptions, IHttpClientFactory httpClients)
    {
        var auth = authOptions.Value;
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = ShopClaims.Subject,
            RoleClaimType = ShopClaims.Role,
        };

        bearer.Events = new JwtBearerEvents
        {
            // A well-signed token without a subject or a role Shop knows is not a weaker identity
            // but a wrong one: refused (401), never served as anonymous.
            OnTokenValidated = context =>
            {
                if (Caller.From(context.Principal) is null)
                {
                    context.Fail("The token names no Shop user or role.");
                }

                return Task.CompletedTask;
            },
            OnAuthenticationFailed = async context =>
            {
                if (context.Exception is SecurityTokenSignatureKeyNotFoundException)
                {
                    // The handler checked against the cached keys only; the users service may have a
                    // new key since, so this token gets one more check after the keys are refreshed.
                    await RevalidateAsync(context);
                }
                else if (AuthUnavailableException.IsCause(context.Exception))
                {
                    // A failure, not an exception: the endpoint answers 503 for the mark.
                    AuthUnavailableException.Mark(context.HttpContext);
                    context.Fail(context.Exception);
                }
            },
        };

        if (auth.JwksUrl is not null)
        {
            var documents = new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClient))
            {
                RequireHttps = auth.RequireHttpsMetadata,
            };
            bearer.ConfigurationManager = new JwksKeySource(
                auth.JwksUrl.ToString(), documents, auth.KeyRefreshMinInterval, auth.KeyMaxAge, TimeProvider.System);
        }
    }

    private static async Task RevalidateAsync(AuthenticationFailedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<AccessTokenValidator>();
        try
        {
            if (await validator.ValidateAsync(header["Bearer ".Length..].Trim(), context.HttpContext.RequestAborted) is { } principal)
            {
                context.Principal = principal;
                context.Success();
            }
        }
        catch (AuthUnavailableException)
        {
            AuthUnavailableException.Mark(context.HttpContext);
        }
    }
}
