using Shop.GraphQL.DataLoader;
using Shop.Users.Accounts;
using Shop.Users.Data;

namespace Shop.Users.GraphQL;

public sealed class UserByIdDataLoader(UserDirectory directory) : BatchDataLoader<Guid, User>
{
    protected override Task<IReadOnlyDictionary<Guid, User>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => directory.GetByIdsAsync(keys, cancellationToken);
}
