namespace Shop.Domain;

/// <summary>
/// A refusal by a business rule: a stable upper-case <paramref name="Code"/> clients can branch on,
/// a message for people, and the input field it concerns when there is one.
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null);
