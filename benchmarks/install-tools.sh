#!/usr/bin/env bash
# nginx and wrk for `make bench`: installed from Debian's packages when missing and run as
# root; otherwise a message saying what to install.
set -euo pipefail
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
missing=()
for tool in nginx wrk; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make bench needs ${missing[*]}: install them (Debian: apt-get install nginx wrk)" >&2
    exit 1
fi
echo "installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" \
    || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
