using Grpc.Core;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.Users.Grpc;

namespace Shop.Users.Tests;

/// <summary>The internal UsersService: batch lookups by id on the gRPC port.</summary>
public sealed class GrpcTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task GetUsers_ReturnsTheKnownUsersInOneCall_LeavingOutUnknownIds()
    {
        var first = await users.NewCustomerAsync();
        var second = await users.NewCustomerAsync();
        var client = new UsersService.UsersServiceClient(users.Host.GrpcChannel(ShopServices.Orchestrator));
        var request = new GetUsersRequest { Ids = { second.UserId.ToString(), Guid.NewGuid().ToString(), first.UserId.ToString(), second.UserId.ToString() } };

        var reply = await client.GetUsersAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal([second.UserId.ToString(), first.UserId.ToString()], reply.Users.Select(u => u.Id).ToArray());
        Assert.All(reply.Users, user =>
        {
            Assert.Equal(Role.Customer, user.Role);
            Assert.EndsWith("@example.test", user.Email, StringComparison.Ordinal);
            Assert.Equal("Test", user.FirstName);
        });
    }

    [Fact]
    public async Task GetUsers_MalformedId_IsInvalidArgument()
    {
        var client = new UsersService.UsersServiceClient(users.Host.GrpcChannel(ShopServices.Orchestrator));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetUsersAsync(new GetUsersRequest { Ids = { Guid.NewGuid().ToString(), "not-a-guid" } }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("INVALID_ID", error.Reason());
    }
}
