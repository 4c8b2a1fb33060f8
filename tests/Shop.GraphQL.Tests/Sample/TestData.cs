namespace Shop.GraphQL.Tests.Sample;

public sealed record Author(int Id, string Name);

public sealed record Book(int Id, string Title, int AuthorId);

/// <summary>Records what the test schema's loaders and sources did, so tests can assert on it.</summary>
public sealed class Probe
{
    private int _activeSubscribers;

    public List<IReadOnlyList<int>> AuthorBatches { get; } = [];

    public int ActiveSubscribers => Volatile.Read(ref _activeSubscribers);

    public void Subscribed() => Interlocked.Increment(ref _activeSubscribers);

    public void Unsubscribed() => Interlocked.Decrement(ref _activeSubscribers);

    public static readonly Author[] Authors = [.. Enumerable.Range(1, 5).Select(i => new Author(i, $"Author {i}"))];

    public static readonly Book[] Books = [.. Enumerable.Range(1, 10).Select(i => new Book(i, $"Book {i}", (i % 5) + 1))];
}
