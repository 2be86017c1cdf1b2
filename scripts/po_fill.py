"""Fill translations into a .po file from a JSON file {msgid: msgstr}.

Usage: .venv/bin/python scripts/po_fill.py <app>/locale/nl/LC_MESSAGES/django.po nl.json
A plural entry takes a list [singular, plural]. Prints the msgids still untranslated.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

po_path, dict_path = Path(sys.argv[1]), Path(sys.argv[2])
translations = json.loads(dict_path.read_text(encoding="utf-8"))
language = po_path.parts[-3]
with po_path.open("rb") as f:
    catalog = read_po(f, locale=language)
catalog.fuzzy = False
missing = []
for message in catalog:
    if not message.id:
        continue
    key = message.id if isinstance(message.id, str) else message.id[0]
    if key in translations:
        value = translations[key]
        message.string = value if isinstance(message.id, str) else tuple(value)
        message.flags.discard("fuzzy")
    elif not (message.string if isinstance(message.string, str) else all(message.string or ())):
        missing.append(key)
with po_path.open("wb") as f:
    write_po(f, catalog, width=100, omit_header=False)
print("missing:", len(missing))
for key in missing:
    print(repr(key))
