# syntax=docker/dockerfile:1
# Build:  docker build -t openbadgesissuer .
# Run:    see README "Docker". Configuration comes from environment variables (Database__Provider, ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig OpenBadgesIssuer.sln ./
COPY src/ src/
RUN dotnet publish src/OpenBadgesIssuer.Api -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image listens on ASPNETCORE_HTTP_PORTS=8080 (set by the base image). SQLite by default, in the /data volume;
# set Database__Provider=Postgres and Database__ConnectionString for PostgreSQL.
ENV Database__Provider=Sqlite \
    Database__ConnectionString="Data Source=/data/issuer.db" \
    OBI_HEALTHCHECK_URL=http://127.0.0.1:8080/health/live
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# Non-root: the base image's 'app' user.
USER $APP_UID
EXPOSE 8080
# curl is not in the runtime image: the binary's own 'healthcheck' verb GETs /health/live.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "OpenBadgesIssuer.Api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "OpenBadgesIssuer.Api.dll"]
