#!/bin/sh
# The Debian packages: `make deb` builds them (lintian clean), then, as
# root on a machine where relgraph is not installed already, they are
# installed with dpkg, used (relgraph --version, the OPM example rendered,
# relgraph schema, man -w, the bash completion, a program built against
# librelgraph-dev through pkg-config) and purged, and every path they had
# installed must be gone (a folder may stay only when another package
# owns it). Not part of make test: it installs into the machine; .ci/run
# runs it.
#   BUILD=build sh tests/deb/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
build=${BUILD:-build}
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
done_() { echo "deb: $pass passed, $fail failed, $skip skipped"; [ $fail -eq 0 ]; exit $?; }
version=$(sed -n 's/^#define RG_VERSION "\(.*\)"/\1/p' include/relgraph.h)
if ! command -v dpkg-buildpackage >/dev/null 2>&1 && [ "$(id -u)" != 0 ]; then
    echo "skip deb: no dpkg-buildpackage, and not root to install it (sh .ci/install-deps deb)"
    skip=1; done_
fi
if make --no-print-directory BUILD="$build" deb; then ok; else bad "make deb"; done_; fi
arch=$(dpkg --print-architecture)
bin_deb=$build/relgraph_${version}_$arch.deb
dev_deb=$build/librelgraph-dev_${version}_$arch.deb
[ -f "$bin_deb" ] && [ -f "$dev_deb" ] && ok || { bad "no $bin_deb or $dev_deb"; done_; }
if [ "$(id -u)" != 0 ]; then
    echo "skip deb install: not root"; skip=1; done_
fi
if dpkg -s relgraph >/dev/null 2>&1 || dpkg -s librelgraph-dev >/dev/null 2>&1 ||
   [ -e /usr/bin/relgraph ]; then
    echo "skip deb install: relgraph is installed on this machine already (left alone)"
    skip=1; done_
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dpkg --purge relgraph librelgraph-dev >/dev/null 2>&1' EXIT
if dpkg -i "$bin_deb" "$dev_deb" >"$tmp/dpkg.log" 2>&1; then ok
else bad "dpkg -i:"; cat "$tmp/dpkg.log"; done_; fi
dpkg -L relgraph librelgraph-dev | sort -u > "$tmp/files"
# the installed binary, found on PATH
[ "$(command -v relgraph)" = /usr/bin/relgraph ] && ok || bad "relgraph is not /usr/bin/relgraph"
/usr/bin/relgraph --version | grep -qx "relgraph $version (document format [0-9]*)" && ok ||
    bad "relgraph --version: $(/usr/bin/relgraph --version 2>&1)"
(cd "$tmp" && /usr/bin/relgraph render "$top/graphs/opm-2015.json" -o opm.svg -o opm.png) &&
    [ -s "$tmp/opm.svg" ] && [ -s "$tmp/opm.png" ] && ok || bad "the installed relgraph could not render graphs/opm-2015.json"
[ "$(/usr/bin/relgraph schema)" = /usr/share/relgraph/relgraph.schema.json ] && ok ||
    bad "relgraph schema: $(/usr/bin/relgraph schema 2>&1)"
if command -v man >/dev/null 2>&1; then
    [ "$(man -w relgraph)" = /usr/share/man/man1/relgraph.1.gz ] && ok || bad "man -w relgraph: $(man -w relgraph 2>&1)"
    [ "$(man -w 5 relgraph-format)" = /usr/share/man/man5/relgraph-format.5.gz ] && ok || bad "man -w 5 relgraph-format"
else
    echo "skip deb man: no man-db"; skip=$((skip + 1))
fi
got=$(bash --norc -c 'source /usr/share/bash-completion/completions/relgraph
    COMP_WORDS=(relgraph render doc.json --the); COMP_CWORD=3; _relgraph; echo "${COMPREPLY[*]}"')
[ "$got" = --theme ] && ok || bad "installed completion: relgraph render doc.json --the: [$got]"
# a program against the -dev package, linked statically as its README says
cat > "$tmp/prog.c" <<'C'
#include <relgraph.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    rg_diags *d = rg_diags_new();
    rg_doc *doc = NULL;
    if (argc < 2 || rg_doc_load_file(&doc, argv[1], d) != 0)
        return 1;
    printf("%zu\n", rg_doc_actor_count(doc));
    rg_doc_free(doc);
    rg_diags_free(d);
    return 0;
}
C
if cc "$tmp/prog.c" -o "$tmp/prog" $(pkg-config --cflags --libs --static relgraph) 2>"$tmp/cc.log" &&
   [ "$("$tmp/prog" graphs/opm-2015.json)" -gt 0 ]; then ok
else bad "a program built with pkg-config --static relgraph:"; cat "$tmp/cc.log"; fi
# removed, nothing left
if dpkg --purge relgraph librelgraph-dev >"$tmp/dpkg.log" 2>&1; then ok
else bad "dpkg --purge:"; cat "$tmp/dpkg.log"; fi
left=0
while read -r p; do
    [ "$p" = /. ] && continue
    [ -e "$p" ] || [ -L "$p" ] || continue
    if [ -d "$p" ] && [ ! -L "$p" ] && dpkg -S "$p" >/dev/null 2>&1; then continue; fi
    echo "left behind: $p"; left=$((left + 1))
done < "$tmp/files"
[ $left -eq 0 ] && [ -s "$tmp/files" ] && ok || bad "$left paths left after dpkg --purge"
done_
