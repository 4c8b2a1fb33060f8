using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Auth;
using Shop.Users.Data;

namespace Shop.Users.Tokens;

/// <summary>
/// The service's signing keys: the one configured in <c>Shop:Users:SigningKey</c>, or else the
/// ones kept in the database, a new one generated on the very first start. Generation happens
/// under an advisory lock, so instances starting together agree on one key.
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopes,
    IOptions<UsersOptions> options,
    IOptions<AuthOptions> auth,
    TimeProvider clock,
    ILogger<SigningKeyStore> logger)
{
    private const long GenerationLock = 0x5348_4F50_4B45_59; // "SHOPKEY"

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeySet? _keys;

    public async ValueTask<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _keys) is { } keys)
        {
            return keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_keys is null)
            {
                Volatile.Write(ref _keys, new SigningKeySet(await LoadAsync(cancellationToken), auth.Value.Issuer));
            }

            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SigningKey is { Length: > 0 } pem)
        {
            var configured = SigningKey.FromPem(pem);
            logger.LogInformation("Signing access tokens with the configured key {KeyId}", configured.KeyId);
            return [configured];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({GenerationLock})", cancellationToken);
        var records = await db.SigningKeys.AsNoTracking().OrderByDescending(key => key.CreatedAt).ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            var generated = SigningKey.Generate();
            db.SigningKeys.Add(new SigningKeyRecord
            {
                KeyId = generated.KeyId,
                Algorithm = generated.Algorithm,
                PrivateKeyPem = generated.PrivateKeyPem,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Generated signing key {KeyId} and stored it in the users database", generated.KeyId);
            return [generated];
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. records.Select(record => SigningKey.FromPem(record.PrivateKeyPem))];
    }
}
