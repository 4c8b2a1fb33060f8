using GraphQL.DataLoader;

namespace Shop.GraphQL.DataLoader;

/// <summary>
/// Collects the keys that resolvers ask for while the executor walks one level of the query, and
/// fetches them in a single call when the first result is awaited; a key asked for twice in a batch
/// is fetched once. Nothing is kept beyond a batch, so a later mutation in the same request, or the
/// next event of a subscription, never sees a value read before it changed. Register loaders as
/// scoped services.
/// </summary>
public abstract class BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private Batch? _pending;

    /// <summary>Loads every key in one round trip; keys without a value are left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value for <paramref name="key"/>, fetched with its siblings; default when absent.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            _pending ??= new Batch(this);
            if (!_pending.Results.TryGetValue(key, out var result))
            {
                result = new Result(_pending, key);
                _pending.Results.Add(key, result);
            }

            return result;
        }
    }

    /// <summary>The values for several keys, in their order, fetched in the same batch.</summary>
    public IDataLoaderResult<TValue?[]> LoadMany(IEnumerable<TKey> keys)
        => new Many([.. keys.Select(Load)]);

    private sealed class Batch(BatchDataLoader<TKey, TValue> loader)
    {
        private Lazy<Task<IReadOnlyDictionary<TKey, TValue>>>? _fetch;

        public Dictionary<TKey, Result> Results { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> DispatchAsync(CancellationToken cancellationToken)
        {
            Lazy<Task<IReadOnlyDictionary<TKey, TValue>>> fetch;
            lock (loader._gate)
            {
                // Later loads start a new batch; this one is closed from here on.
                if (ReferenceEquals(loader._pending, this))
                {
                    loader._pending = null;
                }

                fetch = _fetch ??= new(() => loader.FetchAsync([.. Results.Keys], cancellationToken));
            }

            // Started outside the lock, so a fetch may itself use loaders.
            return fetch.Value;
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.DispatchAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken);
    }

    private sealed class Many(IDataLoaderResult<TValue?>[] results) : IDataLoaderResult<TValue?[]>
    {
        public async Task<TValue?[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new TValue?[results.Length];
            for (var i = 0; i < results.Length; i++)
            {
                values[i] = await results[i].GetResultAsync(cancellationToken);
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken);
    }
}
