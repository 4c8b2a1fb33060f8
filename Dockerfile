# syntax=docker/dockerfile:1
# One image recipe for every .NET process of Shop; PROJECT picks which one:
#   docker build --build-arg PROJECT=subgraphs/Orders/Shop.Orders.csproj .
# The SDK tag satisfies global.json; the runtime tag is the runtime that SDK ships.
ARG PROJECT

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
ARG PROJECT
WORKDIR /src
# Restore first, from the project files alone, so a code change does not re-download packages.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/Shop.Contracts.csproj protos/
COPY subgraphs/Shop.Domain/Shop.Domain.csproj subgraphs/Shop.Domain/
COPY subgraphs/Shop.ServiceDefaults/Shop.ServiceDefaults.csproj subgraphs/Shop.ServiceDefaults/
COPY subgraphs/Shop.GraphQL/Shop.GraphQL.csproj subgraphs/Shop.GraphQL/
COPY subgraphs/Users/Shop.Users.csproj subgraphs/Users/
COPY subgraphs/Products/Shop.Products.csproj subgraphs/Products/
COPY subgraphs/Orders/Shop.Orders.csproj subgraphs/Orders/
COPY subgraphs/Payments/Shop.Payments.csproj subgraphs/Payments/
COPY orchestrator/Shop.Orchestration.Contracts/Shop.Orchestration.Contracts.csproj orchestrator/Shop.Orchestration.Contracts/
COPY orchestrator/Shop.Orchestrator/Shop.Orchestrator.csproj orchestrator/Shop.Orchestrator/
COPY tools/Shop.DevCerts/Shop.DevCerts.csproj tools/Shop.DevCerts/
COPY tools/ZaloPaySandbox/Shop.ZaloPaySandbox.csproj tools/ZaloPaySandbox/
RUN dotnet restore "$PROJECT"
COPY . .
# The same command ./shop test runs for every deployed project.
RUN dotnet publish "$PROJECT" -c Release --no-restore -o /app \
 && basename "$PROJECT" .csproj > /app/.entry

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
# The process's own readiness URL (its HTTP port), given by docker-compose.yml per service.
ARG HEALTH_URL
# curl for the health checks; nothing else is added to the runtime image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The certificates volume is mounted here; created owned by the app user so a fresh named volume
# inherits that owner and the certs service (same user) can write keys only the services can read.
RUN mkdir /certs && chown "$APP_UID" /certs
USER $APP_UID
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    HEALTH_URL=$HEALTH_URL
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD curl -fsS "$HEALTH_URL" > /dev/null || exit 1
# The published assembly's name was written at build time; arguments (compose's command) follow it.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"/app/$(cat /app/.entry).dll\" \"$@\"", "--"]
