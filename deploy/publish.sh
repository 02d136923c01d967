#!/bin/sh
# The one publish command of the orchestrator. The Dockerfile's build stage runs it, and tests/Orchestrator.DeployTests
# runs it the same way (from a copy of what the Dockerfile copies), so the tested binary is built like the shipped one.
#
#   deploy/publish.sh OUTPUT_DIR [VERSION] [RID]      # RID: linux-x64 (default on x86_64) or linux-arm64
#
# Self-contained, so the image can be runtime-deps (no shared framework); not trimmed: the strict options binder walks the
# options types by reflection, `config validate` prints them with reflection-based System.Text.Json, and Quartz, Npgsql and
# the AWS SDK load types by name. Trimming would break those at run time, not at build time.
set -eu
out="${1:?usage: deploy/publish.sh OUTPUT_DIR [VERSION] [RID]}"
version="${2:-0.0.0-dev}"
case "$(uname -m)" in aarch64 | arm64) default_rid=linux-arm64 ;; *) default_rid=linux-x64 ;; esac
rid="${3:-$default_rid}"
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
exec dotnet publish "$root/src/Orchestrator/Orchestrator.csproj" \
  --configuration Release \
  --runtime "$rid" \
  --self-contained true \
  --output "$out" \
  -p:PublishTrimmed=false \
  -p:PublishSingleFile=false \
  -p:DebugType=none \
  -p:GenerateDocumentationFile=false \
  -p:SatelliteResourceLanguages=en \
  -p:Version="$version"
