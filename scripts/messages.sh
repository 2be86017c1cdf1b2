#!/usr/bin/env bash
# Collect translatable strings into .po files: the project's (pijnreset/locale,
# with accounts) and each app's own <app>/locale. Needs GNU gettext.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$PWD/.venv/bin/python"
export DEBUG=true DJANGO_SETTINGS_MODULE=pijnreset.settings PYTHONPATH="$PWD"
apps=()
for dir in */locale; do
  app="${dir%/locale}"
  [ "$app" = pijnreset ] && continue
  apps+=("$app")
  (cd "$app" && "$PY" ../manage.py makemessages -l nl -l en --no-obsolete >/dev/null)
done
ignores=(--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'content/*')
for app in "${apps[@]}"; do ignores+=(--ignore "$app/*"); done
"$PY" manage.py makemessages -l nl -l en --no-obsolete "${ignores[@]}" >/dev/null
echo "Updated: pijnreset/locale ${apps[*]/%//locale}"
