using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Data;

namespace Shop.Users.Addresses;

/// <summary>
/// A user's addresses, at most one of them the default. Every change runs in a transaction that
/// first locks the user's row, so concurrent changes to one user's addresses happen one by one.
/// </summary>
public sealed class AddressBook(UsersDbContext db, IOptions<UsersOptions> options, TimeProvider clock)
{
    public async Task<Address> AddAsync(Guid userId, AddressCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var address = new Address
        {
            Id = Guid.CreateVersion7(), UserId = userId, RecipientName = "", Line1 = "", City = "", CountryCode = "", CreatedAt = now, UpdatedAt = now,
        };
        AddressRules.Apply(command, address);

        await using var transaction = await LockUserAsync(userId, cancellationToken);
        var count = await db.Addresses.CountAsync(a => a.UserId == userId, cancellationToken);
        var limit = options.Value.MaxAddressesPerUser;
        if (count >= limit)
        {
            throw new DomainException(new DomainError(AddressErrors.LimitReached, $"You can keep at most {limit} addresses."));
        }

        if (count == 0 || command.IsDefault == true)
        {
            await ClearDefaultAsync(userId, cancellationToken);
            address.IsDefault = true;
        }

        db.Addresses.Add(address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return address;
    }

    public async Task<Address> UpdateAsync(Guid userId, string? addressId, AddressCommand command, CancellationToken cancellationToken)
    {
        var id = AddressRules.ParseId(addressId);
        await using var transaction = await LockUserAsync(userId, cancellationToken);
        var address = await FindAsync(userId, id, cancellationToken);
        AddressRules.Apply(command, address);
        if (command.IsDefault == true && !address.IsDefault)
        {
            await ClearDefaultAsync(userId, cancellationToken);
        }

        address.IsDefault = command.IsDefault ?? address.IsDefault;
        address.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return address;
    }

    /// <summary>Removes the address; when it was the default, the newest remaining address becomes the default.</summary>
    public async Task<Guid> RemoveAsync(Guid userId, string? addressId, CancellationToken cancellationToken)
    {
        var id = AddressRules.ParseId(addressId);
        await using var transaction = await LockUserAsync(userId, cancellationToken);
        var address = await FindAsync(userId, id, cancellationToken);
        db.Addresses.Remove(address);
        await db.SaveChangesAsync(cancellationToken);
        if (address.IsDefault)
        {
            var next = await db.Addresses.Where(a => a.UserId == userId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is { } nextId)
            {
                await db.Addresses.Where(a => a.Id == nextId).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<Address> SetDefaultAsync(Guid userId, string? addressId, CancellationToken cancellationToken)
    {
        var id = AddressRules.ParseId(addressId);
        await using var transaction = await LockUserAsync(userId, cancellationToken);
        var address = await FindAsync(userId, id, cancellationToken);
        if (!address.IsDefault)
        {
            await ClearDefaultAsync(userId, cancellationToken);
            address.IsDefault = true;
            address.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return address;
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> LockUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A no-op update takes the row lock (and tells whether the user exists).
        var locked = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UpdatedAt, u => u.UpdatedAt), cancellationToken);
        if (locked == 0)
        {
            await transaction.DisposeAsync();
            throw AccountErrors.NotFound();
        }

        return transaction;
    }

    private async Task<Address> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken)
        => await db.Addresses.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken)
            ?? throw AddressErrors.NotFoundError();

    private Task ClearDefaultAsync(Guid userId, CancellationToken cancellationToken)
        => db.Addresses.Where(a => a.UserId == userId && a.IsDefault)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), cancellationToken);
}
