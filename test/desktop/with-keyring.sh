#!/usr/bin/env bash
# Runs a command with a GNOME keyring unlocked in the current D-Bus session, as on a Linux desktop with a keyring,
# so Electron's safeStorage keeps workspace keys with libsecret instead of its basic_text fallback (which the app
# refuses, asking for a passphrase instead). For CI runners, which have no desktop session:
#   dbus-run-session -- bash test/desktop/with-keyring.sh xvfb-run -a npm run test:desktop
set -euo pipefail

# An empty password on stdin creates the login keyring if there is none, and unlocks it. The daemon prints
# the variables its clients need; set -a exports them.
set -a
eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(printf '\n' | gnome-keyring-daemon --start --components=secrets)"
set +a

# Fail here, plainly, rather than let the smoke test meet basic_text.
printf 'kept' | secret-tool store --label='Safeguard CI keyring check' safeguard-ci keyring-check
if [ "$(secret-tool lookup safeguard-ci keyring-check)" != 'kept' ]; then
  echo 'with-keyring.sh: the GNOME keyring did not keep a secret, so Electron would fall back to basic_text.' >&2
  exit 1
fi
secret-tool clear safeguard-ci keyring-check

# Chromium picks its key store from the desktop environment; with none it uses basic_text. GNOME means libsecret.
export XDG_CURRENT_DESKTOP=GNOME
exec "$@"
