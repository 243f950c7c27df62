#!/bin/sh
# install-deps.sh PACKAGE... — install the Debian packages that are missing.
# As root it runs apt-get directly, otherwise through sudo; if neither is
# possible it says which packages to install and fails.
set -eu
missing=
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
else
    echo "install-deps: these Debian packages are missing:$missing" >&2
    echo "install-deps: run as root, or with sudo: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Install first from the current lists; update them only if that fails
# (a fresh machine's lists are often empty or stale).
$SUDO apt-get install -y -q --no-install-recommends $missing >&2 ||
    { $SUDO apt-get update -q >&2 && $SUDO apt-get install -y -q --no-install-recommends $missing >&2; }
