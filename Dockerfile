# syntax=docker/dockerfile:1
# The orchestrator image: build with the SDK, run self-contained on runtime-deps as a non-root user, read-only root
# filesystem friendly (writes only to /tmp and /data, both volumes). Build and deploy: docs/deploy.md.
#
#   docker build --platform linux/amd64 --build-arg VERSION=1.4.0 -t orchestrator:1.4.0 .
#
# tests/Orchestrator.DeployTests reads this file: it copies what the build stage COPYs and runs the same publish script.

ARG VERSION=0.0.0-dev

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG VERSION
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY deploy/publish.sh deploy/publish.sh
COPY src/ src/
RUN case "$TARGETARCH" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
 && deploy/publish.sh /app "$VERSION" "$rid"
# The writable mount points, owned by the runtime user (ECS copies their ownership onto the task's volumes).
RUN install -d -m 1777 /rootfs/tmp && install -d -m 0750 /rootfs/data

# Chiseled: no shell, no package manager, non-root by default. "-extra" carries tzdata, needed by schedules with a
# TimeZone other than UTC (globalization is invariant, so ICU is not used).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra AS runtime
ARG VERSION
LABEL org.opencontainers.image.title="orchestrator" \
      org.opencontainers.image.version="${VERSION}"
# APP_UID (1654) is the non-root user of the .NET images.
COPY --from=build --chown=1654:1654 /rootfs/data /data
COPY --from=build /rootfs/tmp /tmp
COPY --from=build /app /app
USER 1654:1654
WORKDIR /app
# DOTNET_EnableDiagnostics=0: no diagnostic IPC socket or perf map files, so the runtime writes nothing by itself;
# TMPDIR=/tmp keeps the default liveness file and any temporary file on the writable volume.
ENV DOTNET_EnableDiagnostics=0 \
    TMPDIR=/tmp \
    Orchestrator__Store__ConnectionString="Data Source=/data/orchestrator.db" \
    Orchestrator__Health__LivenessFile=/tmp/orchestrator.alive
VOLUME ["/tmp", "/data"]
# ECS uses the task definition's health check (the same command); this one serves docker run and compose.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/app/Orchestrator", "healthcheck"]
ENTRYPOINT ["/app/Orchestrator"]
CMD ["run"]
