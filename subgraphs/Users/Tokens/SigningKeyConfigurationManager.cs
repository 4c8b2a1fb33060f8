using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Shop.Users.Tokens;

/// <summary>
/// Hands the JWT bearer handler (and the kit's AccessTokenValidator) the keys straight from the
/// store: the users service never fetches its own JWKS over HTTP.
/// </summary>
internal sealed class SigningKeyConfigurationManager(SigningKeyStore store) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        => (await store.GetAsync(cancel)).Configuration;

    // Keys change only with configuration, that is with a restart: there is nothing to re-read.
    public void RequestRefresh()
    {
    }
}
