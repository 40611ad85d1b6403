#!/usr/bin/env bash
# npm-fetch.sh - print the unpacked package/ directory of an npm package, fetching it once.
#
# usage: tools/npm-fetch.sh NAME@VERSION [sha512-BASE64]
#
# The package is fetched with `npm pack` (which checks the registry's integrity) into a cache
# outside the repository and unpacked next to its tarball:
#
#   $cache/NAME-VERSION.tgz
#   $cache/NAME-VERSION/package/...        <- printed on stdout
#
# with $cache = $DIMING_NPM_CACHE, else ${DIMING_CACHE:-$HOME/.cache/diming}/npm. A scoped name
# @scope/name is stored as scope-name, as npm names its tarball. A second run prints the same
# path without touching the network. When a sha512 integrity string (npm's dist.integrity) is
# given, the cached tarball is checked against it on every run.
#
# Only exact versions are accepted: a range would make the cache lie about what it holds.
# Exit status: 0 ok, 2 usage, 1 fetch/unpack/integrity failure.

set -euo pipefail

prog=${0##*/}

die() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
	exit 1
}

usage() {
	printf 'usage: %s NAME@VERSION [sha512-BASE64]\n' "$prog"
}

case ${1:-} in
-h | --help)
	usage
	exit 0
	;;
esac
if [[ $# -lt 1 || $# -gt 2 ]]; then
	usage >&2
	exit 2
fi

spec=$1
want=${2:-}
name=${spec%@*}
version=${spec##*@}
if [[ -z $name || $name == "$spec" ]] ||
	! [[ $name =~ ^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$ ]]; then
	printf '%s: error: not NAME@VERSION: '\''%s'\''\n' "$prog" "$spec" >&2
	exit 2
fi
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
	printf '%s: error: not an exact version: '\''%s'\''\n' "$prog" "$version" >&2
	exit 2
fi
if [[ -n $want && ! $want =~ ^sha512-[A-Za-z0-9+/]+=*$ ]]; then
	printf '%s: error: not a sha512 integrity string: '\''%s'\''\n' "$prog" "$want" >&2
	exit 2
fi

cache=${DIMING_NPM_CACHE:-${DIMING_CACHE:-$HOME/.cache/diming}/npm}
stem=${name#@}
stem=${stem/\//-}-$version
dir=$cache/$stem
tgz=$cache/$stem.tgz

# sha512 integrity of a file in npm's notation; node is there whenever npm is.
integrity() {
	node -e '
		const c = require("crypto"), fs = require("fs");
		const h = c.createHash("sha512").update(fs.readFileSync(process.argv[1]));
		process.stdout.write("sha512-" + h.digest("base64"));' "$1"
}

# Check that an unpacked package/ is the one asked for.
check_manifest() {
	node -e '
		const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		if (m.name !== process.argv[2] || m.version !== process.argv[3]) {
			process.stderr.write("package.json says " + m.name + "@" + m.version + "\n");
			process.exit(1);
		}' "$1/package.json" "$name" "$version"
}

if [[ ! -f $dir/package/package.json ]]; then
	command -v npm >/dev/null || die "npm not found; install nodejs and npm"
	mkdir -p "$cache"
	tmp=$(mktemp -d "$cache/.fetch-$stem.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	npm pack --loglevel=error --pack-destination "$tmp" "$spec" >/dev/null ||
		die "npm pack $spec failed"
	shopt -s nullglob
	got=("$tmp"/*.tgz)
	shopt -u nullglob
	[[ ${#got[@]} -eq 1 ]] || die "npm pack $spec: expected one tarball in $tmp"
	mkdir "$tmp/x" "$tmp/x/package"
	# npm strips the first path component whatever it is called; do the same.
	tar -xzf "${got[0]}" -C "$tmp/x/package" --strip-components=1 --no-same-owner ||
		die "cannot unpack ${got[0]}"
	check_manifest "$tmp/x/package" || die "$spec: tarball holds another package"
	mv -f "${got[0]}" "$tgz"
	# Another run may have finished first; its copy is as good as ours.
	mv -T "$tmp/x" "$dir" 2>/dev/null || [[ -f $dir/package/package.json ]] ||
		die "cannot move package into $dir"
fi

if [[ -n $want ]]; then
	[[ -f $tgz ]] || die "$spec: cannot check integrity: no tarball $tgz (remove $dir to refetch)"
	have=$(integrity "$tgz")
	[[ $have == "$want" ]] || die "$spec: $tgz: integrity $have, expected $want"
fi

printf '%s\n' "$dir/package"
