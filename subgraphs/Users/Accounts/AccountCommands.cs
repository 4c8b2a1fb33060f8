namespace Shop.Users.Accounts;

public sealed record RegisterCommand(string? Email, string? Password, string? FirstName, string? LastName, string? Phone);

/// <summary>Replaces the profile: a missing phone clears it.</summary>
public sealed record UpdateProfileCommand(string? FirstName, string? LastName, string? Phone);
