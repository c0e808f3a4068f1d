#!/bin/sh
# Check the Debian packages uniondesk needs; install them with apt-get when
# running as root, otherwise print the exact command and stop.
# Usage: scripts/deps.sh build|test
set -u
what=${1:-build}
# libpango1.0-dev, libcairo2-dev, fonts-noto-cjk: reports and documents as PDF
pkgs="gcc make pkg-config libncurses-dev libsqlite3-dev libxlsxwriter-dev xxd libpango1.0-dev libcairo2-dev fonts-noto-cjk"
if [ "$what" = test ]; then
    # clang + libclang-rt: the fuzz targets (libFuzzer); strace: kill -9 at each sync;
    # passwd: useradd for the permission tests
    # poppler-utils: PDFs read back; cups + printer-driver-cups-pdf: a real print queue
    pkgs="$pkgs libcmocka-dev tmux python3 python3-openpyxl sqlite3 clang libclang-rt-14-dev strace passwd"
    pkgs="$pkgs poppler-utils cups printer-driver-cups-pdf"
fi
missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "uniondesk: this build expects Debian 12 (dpkg-query not found); install:$missing" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    echo "uniondesk: installing missing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
        echo "uniondesk: apt-get install failed; run: apt-get install$missing" >&2
        exit 1
    }
    exit 0
fi
echo "uniondesk: missing Debian packages:$missing" >&2
echo "uniondesk: run this, then try again:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
