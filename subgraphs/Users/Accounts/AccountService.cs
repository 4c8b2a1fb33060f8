using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.ServiceDefaults.Auth;
using Shop.Domain;
using Shop.Users.Data;
using Shop.Users.Sessions;

namespace Shop.Users.Accounts;

/// <summary>Creating accounts and changing what they hold: profile and password.</summary>
public sealed class AccountService(
    UsersDbContext db,
    PasswordPolicy policy,
    IPasswordHasher<User> hasher,
    SessionService sessions,
    LoginThrottle throttle,
    RevocationSignal revocations,
    TimeProvider clock)
{
    public const int NameMaxLength = 100;

    /// <summary>A customer signing up; registrations are throttled per client address (each one costs a slow hash).</summary>
    public Task<User> RegisterAsync(RegisterCommand command, string clientAddress, CancellationToken cancellationToken)
        => CreateAsync(command, Roles.Customer, clientAddress, cancellationToken);

    /// <summary>
    /// Creates an account with <paramref name="role"/>; every input problem is reported at once. With
    /// a <paramref name="clientAddress"/>, a valid request counts against that address's registrations.
    /// </summary>
    public async Task<User> CreateAsync(RegisterCommand command, string role, string? clientAddress, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var email = EmailAddress.Validate(command.Email, errors);
        policy.Check(command.Password, email, "password", errors);
        var firstName = TextInput.Required(command.FirstName, "firstName", NameMaxLength, AccountErrors.InvalidName, errors);
        var lastName = TextInput.Required(command.LastName, "lastName", NameMaxLength, AccountErrors.InvalidName, errors);
        var phone = PhoneNumber.Normalize(command.Phone, "phone", errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        if (clientAddress is not null)
        {
            await throttle.RegistrationAsync(clientAddress, cancellationToken);
        }

        var normalized = EmailAddress.Normalize(email!);
        if (await db.Users.AnyAsync(user => user.NormalizedEmail == normalized, cancellationToken))
        {
            throw EmailTaken();
        }

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email!,
            NormalizedEmail = normalized,
            PasswordHash = string.Empty,
            FirstName = firstName!,
            LastName = lastName!,
            Phone = phone,
            Role = role,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, command.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Registered by a concurrent request between the check and the insert.
            db.Entry(user).State = EntityState.Detached;
            throw EmailTaken();
        }

        return user;
    }

    public async Task<User> UpdateProfileAsync(Guid userId, UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var firstName = TextInput.Required(command.FirstName, "firstName", NameMaxLength, AccountErrors.InvalidName, errors);
        var lastName = TextInput.Required(command.LastName, "lastName", NameMaxLength, AccountErrors.InvalidName, errors);
        var phone = PhoneNumber.Normalize(command.Phone, "phone", errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw AccountErrors.NotFound();
        user.FirstName = firstName!;
        user.LastName = lastName!;
        user.Phone = phone;
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Sets a new password after checking the current one (failures count against the account's
    /// sign-in throttle), ends every session of the user, and opens a fresh one for the caller.
    /// </summary>
    public async Task<IssuedSession> ChangePasswordAsync(
        Guid userId, string? currentPassword, string? newPassword, string clientAddress, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw AccountErrors.NotFound();
        var errors = new List<DomainError>();
        policy.Check(newPassword, user.Email, "newPassword", errors);
        if (errors.Count == 0 && string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            errors.Add(new DomainError(AccountErrors.PasswordUnchanged, "The new password must differ from the current one.", "newPassword"));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var attempt = await throttle.BeginAsync(user.NormalizedEmail, clientAddress, cancellationToken);
        if (string.IsNullOrEmpty(currentPassword)
            || hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            throw new DomainException(new DomainError(AccountErrors.InvalidCurrentPassword, "The current password is not correct.", "currentPassword"));
        }

        await throttle.SucceededAsync(attempt, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, RevocationReasons.PasswordChange, cancellationToken);
        var session = await sessions.OpenAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        revocations.Pulse();
        return session;
    }

    private static DomainException EmailTaken()
        => new(new DomainError(AccountErrors.EmailTaken, "An account with this email already exists.", "email"));
}
