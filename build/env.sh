# Sourced by the build scripts: a predictable environment, even on a thin CI machine.
export HOME="${HOME:-/root}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_CERT_REVOCATION_MODE=offline
export MSBUILDTERMINALLOGGER=off
export DOTNET_CLI_UI_LANGUAGE=en
