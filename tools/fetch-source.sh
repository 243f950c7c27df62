#!/bin/sh
# fetch-source.sh PACKAGE — fetch a Debian source package's orig tarball as
# pinned in tools/third_party.lock and unpack it under third_party/src/.
#
# Why this shape: the guest's third-party C comes from Debian source packages
# of a newer suite than the host runs (QuickJS from trixie on bookworm).  We
# use a private apt configuration under third_party/apt/ so the system's apt
# state is never touched, with mirror URIs read from the system's own apt
# sources (no archive host is written into this repository).  Only the orig
# tarball is downloaded: some mirrors answer 404 for .dsc/.debian.tar.xz
# while the orig tarball is there.  Its sha256 must equal both the Sources
# index and the lock file.  A verified tarball is cached in third_party/dl/,
# so a second build needs no network.
set -eu

pkg=${1:?usage: fetch-source.sh PACKAGE}
top=$(cd "$(dirname "$0")/.." && pwd)
tp=$top/third_party
lock=$top/tools/third_party.lock

line=$(grep -E "^$pkg " "$lock" || true)
[ -n "$line" ] || { echo "fetch-source: $pkg is not in $lock" >&2; exit 1; }
set -- $line
version=$2 suite=$3 orig=$4 sha=$5

mkdir -p "$tp/dl" "$tp/src"
stamp=$tp/src/$pkg.stamp
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$line" ]; then
    exit 0
fi

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha" ]; }

# make -j fetches several packages at once, from different suites: each
# suite gets its own apt state, and one lock serialises the downloads.
mkdir -p "$tp/apt"
exec 9>"$tp/apt/.lock"
flock 9
if ! sha_ok "$tp/dl/$orig"; then
    rm -f "$tp/dl/$orig"
    apt=$tp/apt/$suite
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
    : > "$apt/status"
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || { echo "fetch-source: no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }
    # Mirror URIs: those of the system's entries for its own release (not
    # -security or -updates), from one-line and deb822 sources alike.
    uris=$( { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
                awk -v c="$codename" '$1=="deb" { u=""; for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { u=$i; s=$(i+1); break }
                                       if (u != "" && s == c) print u }'
              for f in /etc/apt/sources.list.d/*.sources; do
                  [ -f "$f" ] || continue
                  awk -v c="$codename" 'BEGIN{RS=""; FS="\n"}
                      { u=""; ok=0
                        for (i=1;i<=NF;i++) {
                          if ($i ~ /^URIs:/) { u=$i; sub(/^URIs:[ \t]*/, "", u) }
                          if ($i ~ /^Suites:/) { n=split($i, w, /[ \t]+/); for (j=2;j<=n;j++) if (w[j]==c) ok=1 }
                        }
                        if (ok && u != "") print u }' "$f"
              done; } | sort -u)
    [ -n "$uris" ] || { echo "fetch-source: found no apt source for '$codename' in /etc/apt to take a mirror from" >&2; exit 1; }
    : > "$apt/sources.list"
    for u in $uris; do
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $u $suite main" >> "$apt/sources.list"
    done
    aptopts="-o Dir::Etc::SourceList=$apt/sources.list -o Dir::Etc::SourceParts=/dev/null
             -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Dir::State::Status=$apt/status
             -o APT::Sandbox::User=root"
    echo "fetch-source: updating private apt index for $suite sources" >&2
    apt-get $aptopts -qq update >&2 || { echo "fetch-source: apt-get update of $apt/sources.list failed" >&2; exit 1; }
    # The stanza for the pinned version: its Directory and the sha256 of the orig tarball.
    info=$(apt-cache $aptopts showsrc "$pkg" | awk -v v="$version" -v f="$orig" '
        BEGIN { RS=""; FS="\n" }
        { ver=""; dir=""; h=""; insha=0
          for (i=1;i<=NF;i++) {
            if ($i ~ /^Version: /) ver=substr($i, 10)
            else if ($i ~ /^Directory: /) dir=substr($i, 12)
            else if ($i ~ /^Checksums-Sha256:/) insha=1
            else if ($i ~ /^[A-Z]/) insha=0
            else if (insha) { split($i, w, " "); if (w[3]==f) h=w[1] }
          }
          if (ver==v && h!="") { print dir, h; exit } }')
    [ -n "$info" ] || { echo "fetch-source: $pkg $version ($orig) is not in the $suite Sources index" >&2; exit 1; }
    set -- $info
    dir=$1 idxsha=$2
    [ "$idxsha" = "$sha" ] || { echo "fetch-source: sha256 of $orig in the index ($idxsha) differs from $lock ($sha)" >&2; exit 1; }
    ok=0
    for u in $uris; do
        if /usr/lib/apt/apt-helper -o APT::Sandbox::User=root download-file "$u/$dir/$orig" "$tp/dl/$orig.part" "SHA256:$sha" >&2; then
            mv "$tp/dl/$orig.part" "$tp/dl/$orig"; ok=1; break
        fi
    done
    [ $ok = 1 ] || { echo "fetch-source: could not download $dir/$orig from: $uris" >&2; exit 1; }
fi
sha_ok "$tp/dl/$orig" || { echo "fetch-source: $tp/dl/$orig does not match sha256 $sha" >&2; exit 1; }

# Unpack into a fresh directory named PACKAGE (the tarball's own top folder varies).
rm -rf "$tp/src/$pkg" "$tp/src/$pkg.tmp"
mkdir -p "$tp/src/$pkg.tmp"
tar -xf "$tp/dl/$orig" -C "$tp/src/$pkg.tmp"
inner=$(ls "$tp/src/$pkg.tmp")
[ "$(echo "$inner" | wc -l)" = 1 ] || { echo "fetch-source: $orig has more than one top folder" >&2; exit 1; }
mv "$tp/src/$pkg.tmp/$inner" "$tp/src/$pkg"
rmdir "$tp/src/$pkg.tmp"
echo "$line" > "$stamp"
echo "fetch-source: $pkg $version unpacked in third_party/src/$pkg" >&2
