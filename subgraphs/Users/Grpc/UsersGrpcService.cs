using Grpc.Core;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Grpc;
using Shop.Users.Accounts;

namespace Shop.Users.Grpc;

/// <summary>Internal lookups of accounts by id, in one round trip; never the password hash.</summary>
/// <remarks>
/// Callers: the orchestrator only. No service reads accounts today; names and emails are personal
/// data, so a new caller is added here deliberately, not by default.
/// </remarks>
[AllowedCallers(ShopServices.Orchestrator)]
public sealed class UsersGrpcService(UserDirectory directory) : UsersService.UsersServiceBase
{
    public const int MaxIds = 500;

    public override async Task<GetUsersResponse> GetUsers(GetUsersRequest request, ServerCallContext context)
    {
        if (request.Ids.Count > MaxIds)
        {
            throw GrpcErrors.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxIds} users at once.");
        }

        var ids = new List<Guid>(request.Ids.Count);
        for (var i = 0; i < request.Ids.Count; i++)
        {
            ids.Add(GrpcErrors.ParseId(request.Ids[i], $"ids[{i}]"));
        }

        var users = await directory.GetByIdsAsync(ids, context.CancellationToken);
        var response = new GetUsersResponse();
        foreach (var id in ids.Distinct())
        {
            if (users.TryGetValue(id, out var user))
            {
                response.Users.Add(new User
                {
                    Id = user.Id.ToString(),
                    Email = user.Email,
                    FirstName = user.FirstName,
                    LastName = user.LastName,
                    Phone = user.Phone ?? string.Empty,
                    Role = user.Role == Roles.Admin ? Role.Admin : Role.Customer,
                });
            }
        }

        return response;
    }
}
