using Shop.ServiceDefaults.Domain;
using Shop.Users.Data;
using Shop.Users.Sessions;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>The result of a mutation that signs in: the new session, or why not.</summary>
public sealed record SessionPayload(IssuedSession? Session, IReadOnlyList<DomainError> Errors, int? RetryAfter = null);

public sealed record UserPayload(User? User, IReadOnlyList<DomainError> Errors);

public sealed record AddressPayload(Address? Address, IReadOnlyList<DomainError> Errors);

public sealed record RemoveAddressPayload(Guid? RemovedAddressId, Guid? UserId, IReadOnlyList<DomainError> Errors);

public sealed record LogoutPayload(bool LoggedOut, IReadOnlyList<DomainError> Errors);
