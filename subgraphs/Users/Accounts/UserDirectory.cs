using Microsoft.EntityFrameworkCore;
using Shop.Domain;
using Shop.Users.Data;

namespace Shop.Users.Accounts;

/// <summary>Read-only lookups of accounts, for GraphQL loaders and the gRPC service alike.</summary>
public sealed class UserDirectory(UsersDbContext db)
{
    public const int MaxSearchLength = 100;

    public async Task<IReadOnlyDictionary<Guid, User>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToArray();
        return await db.Users.AsNoTracking().Where(user => keys.Contains(user.Id)).ToDictionaryAsync(user => user.Id, cancellationToken);
    }

    public async Task<ILookup<Guid, Address>> GetAddressesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var keys = userIds.Distinct().ToArray();
        var addresses = await db.Addresses.AsNoTracking()
            .Where(address => keys.Contains(address.UserId))
            .OrderByDescending(address => address.IsDefault).ThenBy(address => address.CreatedAt).ThenBy(address => address.Id)
            .ToListAsync(cancellationToken);
        return addresses.ToLookup(address => address.UserId);
    }

    /// <summary>
    /// A page of accounts in id (creation) order after <paramref name="after"/>, one row more than
    /// asked for, matching <paramref name="search"/> in the email or name; and the match count.
    /// </summary>
    public async Task<(IReadOnlyList<User> Rows, int TotalCount)> SearchAsync(
        string? search, int first, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        var errors = new List<DomainError>();
        var term = TextInput.Optional(search, "search", MaxSearchLength, ArgumentErrors.Invalid, errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        if (term is not null)
        {
            var pattern = "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(user => EF.Functions.ILike(user.Email, pattern, @"\")
                || EF.Functions.ILike(user.FirstName + " " + user.LastName, pattern, @"\"));
        }

        var total = await query.CountAsync(cancellationToken);
        if (after is { } cursor)
        {
            query = query.Where(user => user.Id.CompareTo(cursor) > 0);
        }

        var rows = await query.OrderBy(user => user.Id).Take(first + 1).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
