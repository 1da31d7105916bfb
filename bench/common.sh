# The start the bench scripts share (source it): the repository's root as the working folder, the
# command line built in Release and run as "${sim[@]}", and a scratch folder $tmp removed on exit.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/SimHarness -c Release -v q -nologo >/dev/null
sim=(dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
