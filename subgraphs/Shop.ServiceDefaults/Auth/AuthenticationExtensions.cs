using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
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
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
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
                // The handler goes on without keys when the JWKS cannot be fetched; ask whether that is why.
                if (AuthUnavailableException.IsCause(context.Exception)
                    || (context.Exception is SecurityTokenSignatureKeyNotFoundException
                        && !await KeysReachableAsync(context.Options, context.HttpContext.RequestAborted)))
                {
                    AuthUnavailableException.Mark(context.HttpContext);
                }
            },
        };

        if (auth.JwksUrl is not null)
        {
            var documents = new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClient))
            {
                RequireHttps = auth.RequireHttpsMetadata,
            };
            bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                auth.JwksUrl.ToString(), new JwksConfigurationRetriever(), documents)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(1),
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
        }
    }

    private static async Task<bool> KeysReachableAsync(JwtBearerOptions options, CancellationToken cancellationToken)
    {
        if (options.ConfigurationManager is not { } manager)
        {
            return true;
        }

        try
        {
            return (await manager.GetConfigurationAsync(cancellationToken)).SigningKeys.Count > 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException || AuthUnavailableException.IsCause(exception))
        {
            return false;
        }
    }
}
