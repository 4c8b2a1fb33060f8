using Shop.GraphQL.DataLoader;
using Shop.Users.Accounts;
using Shop.Users.Data;

namespace Shop.Users.GraphQL;

public sealed class AddressesByUserIdDataLoader(UserDirectory directory) : GroupedDataLoader<Guid, Address>
{
    protected override Task<ILookup<Guid, Address>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => directory.GetAddressesAsync(keys, cancellationToken);
}
