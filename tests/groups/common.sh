# What run.sh and engines.sh share, sourced with the relgraph binary as
# $1: the paths (the stress binary beside relgraph, the d3 sample in
# ../shared), a temporary folder removed at exit, and the engines.
set -u
bin=${1:?usage: sh $0 RELGRAPH}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
stress=$(dirname "$bin")/stress
d3=$top/../shared/data/interop/d3/miserables.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
engines="dot neato fdp sfdp circo twopi osage"
