namespace Shop.Users.GraphQL.Payloads;

/// <summary>What removeAddress returns on success: the removed address's id and its owner.</summary>
public sealed record RemovedAddress(Guid AddressId, Guid UserId);

/// <summary>What logout returns on success: the session is over.</summary>
public sealed record SessionEnded;
