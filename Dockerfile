# `coursebot serve` in a container: the same self-contained single file as deploy/publish-serve.sh makes (the build
# stage runs that script), on a runtime-deps base (no .NET runtime or SDK), as a non-root user, with the bot's data
# folder (SQLite store, App secrets) on a volume. Put a TLS-terminating reverse proxy in front (README: "One machine").
#   docker build -t coursebot .
#   docker run -d -p 127.0.0.1:3000:3000 -v coursebot-data:/data coursebot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN deploy/publish-serve.sh /out linux-x64

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# The image's unprivileged user (uid 1654); the data folder is its only writable place.
RUN mkdir -p /data && chown 1654:1654 /data
COPY --from=build /out /app
USER 1654
ENV CourseBot__DataDirectory=/data
VOLUME /data
EXPOSE 3000
WORKDIR /app
ENTRYPOINT ["/app/coursebot", "serve", "--urls", "http://0.0.0.0:3000"]
