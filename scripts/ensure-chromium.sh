#!/usr/bin/env bash
# Playwright needs a browser. Debian's chromium-headless-shell where possible (no download from
# outside the package registries): the headless build Playwright itself runs by default, without
# the full browser's window, toolbar and GPU process, which a headless test never shows but the
# full browser still draws (the e2e suite took about 1.4× the time and 1.6× the CPU with it). Else
# Debian's chromium; else Playwright's own. playwright.config.ts picks the same, in the same order.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/lib/chromium/chromium-headless-shell ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium-headless-shell for the end-to-end tests…"
  apt-get update -qq || true
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; then exit 0; fi
  if [ -x /usr/bin/chromium ]; then exit 0; fi
  echo "No chromium-headless-shell package: installing Debian's chromium."
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then exit 0; fi
fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "No Debian chromium and no root apt-get: using Playwright's chromium."
npx playwright install chromium
