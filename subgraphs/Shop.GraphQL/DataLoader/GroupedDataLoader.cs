namespace Shop.GraphQL.DataLoader;

/// <summary>A batch loader for one-to-many lookups: each key maps to a list, empty when it has none.</summary>
public abstract class GroupedDataLoader<TKey, TValue> : BatchDataLoader<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    /// <summary>Loads the items of every key in one round trip.</summary>
    protected abstract Task<ILookup<TKey, TValue>> FetchGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected sealed override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await FetchGroupsAsync(keys, cancellationToken);
        return keys.Distinct().ToDictionary(key => key, key => (IReadOnlyList<TValue>)[.. groups[key]]);
    }
}
