using Shop.GraphQL.DataLoader;

namespace Shop.GraphQL.Tests.Sample;

public sealed class AuthorByIdDataLoader(Probe probe) : BatchDataLoader<int, Author>
{
    protected override Task<IReadOnlyDictionary<int, Author>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        lock (probe.AuthorBatches)
        {
            probe.AuthorBatches.Add([.. keys]);
        }

        IReadOnlyDictionary<int, Author> found = Probe.Authors.Where(a => keys.Contains(a.Id)).ToDictionary(a => a.Id);
        return Task.FromResult(found);
    }
}
