#!/usr/bin/env bash
# House rules that ruff cannot express (ARCHITECTURE.md, "Tooling").
set -uo pipefail
status=0
files=$(git ls-files '*.py' '*.html' | grep -v -E '(^|/)(migrations|node_modules)/')
check() {  # check "message" "regex" [exclude-regex]
  local hits
  hits=$(grep -n -E "$2" $files 2>/dev/null | grep -v -E "${3:-^$}" | grep -v 'lint: allow' || true)
  if [ -n "$hits" ]; then echo "lint: $1"; echo "$hits"; status=1; fi
}
check "use django.utils.timezone.now(), not naive datetime.now()/utcnow()" 'datetime\.(now|utcnow)\(\)'
check "never mark user text safe" '\|safe\b|mark_safe\('  '^pijnreset/templates/django/forms/'
check "no csrf_exempt" 'csrf_exempt'
check "no raw SQL through .extra()/.raw()" '\.extra\(|\.raw\('
check "no inline <script> or style= attributes (strict CSP)" '<script>|<script [^>]*>[^<]|style="' '^([a-z_]+/)?tests/'
check "no skipped tests" '@pytest\.mark\.skip\b|pytest\.skip\('
check "no requests to other hosts in templates" '(src|href)="(https?:)?//' 'href="\{\{ line\.chat_url'
exit $status
