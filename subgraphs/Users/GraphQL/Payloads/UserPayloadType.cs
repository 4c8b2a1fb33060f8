using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Users.Data;

namespace Shop.Users.GraphQL.Payloads;

/// <summary>A payload that returns the changed user.</summary>
public abstract class UserPayloadType<TErrorType>(string name)
    : PayloadType<UserType, User, TErrorType>(name, "user", "The account as it is now; null when errors say why not.")
    where TErrorType : DomainErrorType;
