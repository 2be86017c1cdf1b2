#!/usr/bin/env bash
# Compile every .po file to .mo with Babel (no GNU gettext needed).
set -euo pipefail
cd "$(dirname "$0")/.."
for po in */locale/*/LC_MESSAGES/django.po; do
  "$PWD/.venv/bin/pybabel" -q compile -i "$po" -o "${po%.po}.mo"
done
