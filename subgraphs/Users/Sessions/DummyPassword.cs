using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Shop.Users.Data;

namespace Shop.Users.Sessions;

/// <summary>
/// A hash no password matches, verified for sign-ins with an unknown email so they cost what a
/// wrong password costs: response time does not tell whether an account exists.
/// </summary>
public sealed class DummyPassword
{
    private static readonly User Nobody = new()
    {
        Email = "nobody", NormalizedEmail = "nobody", PasswordHash = string.Empty, FirstName = "-", LastName = "-", Role = "-",
    };

    private readonly IPasswordHasher<User> _hasher;
    private readonly string _hash;

    public DummyPassword(IPasswordHasher<User> hasher)
    {
        _hasher = hasher;
        _hash = hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public void Verify(string password) => _hasher.VerifyHashedPassword(Nobody, _hash, password);
}
