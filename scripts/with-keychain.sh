#!/usr/bin/env bash
# Runs a command under a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# with HOME in a temp dir so the developer's own keyring is never touched.
# Usage: scripts/with-keychain.sh <command...>
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keychain: dbus-run-session or gnome-keyring-daemon missing (apt-get install dbus gnome-keyring); running without an OS keychain" >&2
  exec "$@"
fi
tmp_home=$(mktemp -d /tmp/clientdesk-home.XXXXXX)
mkdir -p "$tmp_home/.local/share/keyrings"
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share"
export CLIENTDESK_KEYCHAIN_EXPECTED=os
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
