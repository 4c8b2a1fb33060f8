using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Validates an access token that did not arrive in an Authorization header (a WebSocket's
/// connection_init payload), with exactly the rules and keys of the bearer handler.
/// </summary>
public sealed class AccessTokenValidator(IOptionsMonitor<JwtBearerOptions> options)
{
    /// <summary>
    /// The token's principal, or null when it is not a valid Shop access token.
    /// <see cref="AuthUnavailableException"/> when the signing keys cannot be fetched to tell.
    /// </summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await ValidateCoreAsync(token, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (AuthUnavailableException.IsCause(exception) || exception is InvalidOperationException)
            {
                throw new AuthUnavailableException(exception);
            }

            throw;
        }
    }

    private async Task<ClaimsPrincipal?> ValidateCoreAsync(string token, CancellationToken cancellationToken)
    {
        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        var result = await ValidateOnceAsync(bearer, token, cancellationToken);
        if (result is { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException }
            && bearer.ConfigurationManager is { } manager)
        {
            // The users service may have rotated its key since the JWKS was cached.
            manager.RequestRefresh();
            result = await ValidateOnceAsync(bearer, token, cancellationToken);
        }

        if (result is not { IsValid: true })
        {
            return null;
        }

        // As for the bearer handler: a token that names no Shop user or role is refused.
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return Caller.From(principal) is null ? null : principal;
    }

    private static async Task<TokenValidationResult?> ValidateOnceAsync(
        JwtBearerOptions bearer, string token, CancellationToken cancellationToken)
    {
        var parameters = bearer.TokenValidationParameters.Clone();
        if (bearer.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetConfigurationAsync(cancellationToken);
            parameters.IssuerSigningKeys = parameters.IssuerSigningKeys is null
                ? configuration.SigningKeys
                : parameters.IssuerSigningKeys.Concat(configuration.SigningKeys);
        }

        TokenValidationResult? last = null;
        foreach (var handler in bearer.TokenHandlers)
        {
            last = await handler.ValidateTokenAsync(token, parameters);
            if (last.IsValid)
            {
                return last;
            }
        }

        return last;
    }
}
