"""Instrument definitions: parse and check a definition file (docs/clinical.md section 2). Pure.

An instrument is data: key, version, languages, items with answer options and ranges, which
items are required, the name of its pure scoring function, bands, what the result page shows,
safety rules and a licence note. Shipped definitions live in ``assessments/instruments/*.yaml``;
a licensed wording (the official FIQR text, say) is a separate file that
:func:`apply_wording` lays over the shipped structure, so no code changes are needed.

Texts are mappings language -> text. Errors raise :class:`DefinitionError` with the path of
the offending entry (``items[3].text.nl``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

ITEM_TYPES: Final = ("choice", "yes_no", "scale", "areas")
WORDINGS: Final = ("ours", "paraphrase", "licensed", "none")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")

Text = Mapping[str, str]


class DefinitionError(ValueError):
    """A definition or wording file is not valid; ``path`` names the entry."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def pick(text: Text, language: str) -> str:
    """The text in ``language``, else in the first language it has, else ""."""
    if language in text:
        return text[language]
    return next(iter(text.values()), "")


@dataclass(frozen=True)
class Option:
    value: int
    label: Text


@dataclass(frozen=True)
class Item:
    key: str
    type: str
    text: Text
    required: bool = True
    help: Text = field(default_factory=dict)
    options: tuple[Option, ...] = ()  # choice
    minimum: int = 0  # scale
    maximum: int = 0  # scale
    low_label: Text = field(default_factory=dict)  # scale anchors
    high_label: Text = field(default_factory=dict)
    group: str = ""

    def values(self) -> tuple[object, ...]:
        """Every valid answer value (not for ``areas``, which is a set of area keys)."""
        if self.type == "choice":
            return tuple(o.value for o in self.options)
        if self.type == "yes_no":
            return (True, False)
        if self.type == "scale":
            return tuple(range(self.minimum, self.maximum + 1))
        return ()


@dataclass(frozen=True)
class Band:
    key: str
    low: int
    high: int
    label: Text
    meaning: Text = field(default_factory=dict)


@dataclass(frozen=True)
class ResultLine:
    score: str
    label: Text
    maximum: str = ""  # shown as "of N"; text so "30" and "100" read the same way
    band: bool = False


@dataclass(frozen=True)
class Notice:
    flag: str
    text: Text
    offer: str = ""  # instrument key to offer when the flag is set


@dataclass(frozen=True)
class Part:
    key: str
    title: Text
    items: tuple[str, ...]
    scoring: str


@dataclass(frozen=True)
class Definition:
    key: str
    version: str
    wording: str
    languages: tuple[str, ...]
    title: Text
    scoring: str
    items: tuple[Item, ...]
    licence: Text = field(default_factory=dict)
    intro: Text = field(default_factory=dict)
    period: Text = field(default_factory=dict)
    groups: Mapping[str, Text] = field(default_factory=dict)
    band_score: str = ""
    bands: tuple[Band, ...] = ()
    results: tuple[ResultLine, ...] = ()
    notices: tuple[Notice, ...] = ()
    crisis_flag: str = ""
    parts: Mapping[str, Part] = field(default_factory=dict)
    # Shown under "for your therapist or doctor" on the result (PHQ-9: symptom overlap).
    clinician_note: Text = field(default_factory=dict)

    @property
    def has_wording(self) -> bool:
        """Whether the items have text anyone can answer (FIQR ships without)."""
        return self.wording != "none" and bool(self.languages)

    def language_for(self, requested: str) -> str:
        return requested if requested in self.languages else (self.languages or ("",))[0]

    def items_for(self, part: str = "") -> tuple[Item, ...]:
        if not part:
            return self.items
        keys = self.parts[part].items
        return tuple(item for item in self.items if item.key in keys)

    def scoring_for(self, part: str = "") -> str:
        return self.parts[part].scoring if part else self.scoring

    def band_for(self, value: object) -> Band | None:
        for band in self.bands:
            if isinstance(value, int) and band.low <= value <= band.high:
                return band
        return None

    def band_by_key(self, key: str) -> Band | None:
        return next((band for band in self.bands if band.key == key), None)


# --- Parsing ---


def _mapping(value: object, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise DefinitionError(path, "must be a mapping")
    return value


def _list(value: object, path: str) -> Sequence[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise DefinitionError(path, "must be a list")
    return value


def _key(value: object, path: str) -> str:
    if not isinstance(value, str) or not _KEY.match(value):
        raise DefinitionError(path, "must be a key of lower-case letters, digits and _")
    return value


def _int(value: object, path: str) -> int:
    if type(value) is not int:
        raise DefinitionError(path, "must be a whole number")
    return value


def _text(value: object, path: str, languages: Sequence[str], *, required: bool = True) -> Text:
    if value is None:
        if required and languages:
            raise DefinitionError(path, f"needs a text in {', '.join(languages)}")
        return {}
    text = _mapping(value, path)
    for language, words in text.items():
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            raise DefinitionError(f"{path}.{language}", "is not a two-letter language code")
        if not isinstance(words, str) or not words.strip():
            raise DefinitionError(f"{path}.{language}", "must be a non-empty text")
    if required:
        for language in languages:
            if language not in text:
                raise DefinitionError(f"{path}.{language}", "is missing")
    return dict(text)


def _options(raw: object, path: str, languages: Sequence[str]) -> tuple[Option, ...]:
    options = []
    for index, entry in enumerate(_list(raw, path)):
        entry_path = f"{path}[{index}]"
        entry = _mapping(entry, entry_path)
        options.append(
            Option(
                value=_int(entry.get("value"), f"{entry_path}.value"),
                label=_text(entry.get("label"), f"{entry_path}.label", languages),
            )
        )
    values = [o.value for o in options]
    if len(options) < 2 or len(set(values)) != len(values):
        raise DefinitionError(path, "needs at least two options with different values")
    return tuple(options)


def _item(
    raw: object, path: str, languages: Sequence[str], answer_sets: Mapping[str, Any], worded: bool
) -> Item:
    data = _mapping(raw, path)
    item_type = data.get("type")
    if item_type not in ITEM_TYPES:
        raise DefinitionError(f"{path}.type", f"must be one of {', '.join(ITEM_TYPES)}")
    required = data.get("required", True)
    if type(required) is not bool:
        raise DefinitionError(f"{path}.required", "must be true or false")
    options: tuple[Option, ...] = ()
    minimum = maximum = 0
    if item_type == "choice":
        raw_options = data.get("options")
        if isinstance(data.get("answers"), str):
            if data["answers"] not in answer_sets:
                raise DefinitionError(f"{path}.answers", f"unknown answer set {data['answers']!r}")
            raw_options = answer_sets[data["answers"]]
        options = _options(raw_options, f"{path}.options", languages if worded else ())
    elif item_type == "scale":
        minimum = _int(data.get("minimum"), f"{path}.minimum")
        maximum = _int(data.get("maximum"), f"{path}.maximum")
        if not 0 <= minimum < maximum <= 100:
            raise DefinitionError(path, "needs 0 <= minimum < maximum <= 100")
    anchors = _mapping(data.get("anchors") or {}, f"{path}.anchors")
    return Item(
        key=_key(data.get("key"), f"{path}.key"),
        type=item_type,
        text=_text(data.get("text"), f"{path}.text", languages, required=worded),
        required=required,
        help=_text(data.get("help"), f"{path}.help", languages, required=False),
        options=options,
        minimum=minimum,
        maximum=maximum,
        low_label=_text(anchors.get("low"), f"{path}.anchors.low", languages, required=False),
        high_label=_text(anchors.get("high"), f"{path}.anchors.high", languages, required=False),
        group=_key(data["group"], f"{path}.group") if data.get("group") else "",
    )


def _bands(raw: object, path: str, languages: Sequence[str]) -> tuple[str, tuple[Band, ...]]:
    if raw is None:
        return "", ()
    data = _mapping(raw, path)
    bands: list[Band] = []
    for index, entry in enumerate(_list(data.get("ranges"), f"{path}.ranges")):
        entry_path = f"{path}.ranges[{index}]"
        entry = _mapping(entry, entry_path)
        band = Band(
            key=_key(entry.get("key"), f"{entry_path}.key"),
            low=_int(entry.get("low"), f"{entry_path}.low"),
            high=_int(entry.get("high"), f"{entry_path}.high"),
            label=_text(entry.get("label"), f"{entry_path}.label", languages),
            meaning=_text(entry.get("meaning"), f"{entry_path}.meaning", languages, required=False),
        )
        if band.low > band.high:
            raise DefinitionError(entry_path, "low must not be above high")
        if bands and band.low != bands[-1].high + 1:
            raise DefinitionError(entry_path, "bands must follow each other without gaps")
        bands.append(band)
    return _key(data.get("score"), f"{path}.score"), tuple(bands)


def parse_definition(raw: object, *, scorers: Sequence[str] = ()) -> Definition:
    """Check a decoded definition file and return it as a :class:`Definition`.

    ``scorers`` lists the scoring function names that exist; a definition naming another is
    refused (an instrument needs its pure scoring function before it can be installed).
    """
    data = _mapping(raw, "")
    key = _key(data.get("key"), "key")
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise DefinitionError("version", "must be a short text such as 2026.1")
    wording = data.get("wording")
    if wording not in WORDINGS:
        raise DefinitionError("wording", f"must be one of {', '.join(WORDINGS)}")
    languages = tuple(_list(data.get("languages", []), "languages"))
    for index, language in enumerate(languages):
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            raise DefinitionError(f"languages[{index}]", "is not a two-letter language code")
    worded = wording != "none"
    if worded and not languages:
        raise DefinitionError("languages", "a worded instrument needs at least one language")
    if not worded and languages:
        raise DefinitionError("languages", "an instrument without wording has no languages")
    title_languages = languages or ("en",)
    scoring = data.get("scoring")
    if not isinstance(scoring, str) or (scorers and scoring not in scorers):
        raise DefinitionError("scoring", f"unknown scoring function {scoring!r}")
    answer_sets = _mapping(data.get("answer_sets") or {}, "answer_sets")
    items = tuple(
        _item(raw_item, f"items[{index}]", languages, answer_sets, worded)
        for index, raw_item in enumerate(_list(data.get("items"), "items"))
    )
    keys = [item.key for item in items]
    if not items or len(set(keys)) != len(keys):
        raise DefinitionError("items", "needs at least one item and unique item keys")
    groups = {
        _key(group, f"groups.{group}"): _text(text, f"groups.{group}", languages, required=False)
        for group, text in _mapping(data.get("groups") or {}, "groups").items()
    }
    for item in items:
        if item.group and item.group not in groups:
            raise DefinitionError(f"items.{item.key}.group", f"unknown group {item.group!r}")
    band_score, bands = _bands(data.get("bands"), "bands", title_languages)
    results = tuple(
        ResultLine(
            score=_key(_mapping(entry, f"results[{i}]").get("score"), f"results[{i}].score"),
            label=_text(entry.get("label"), f"results[{i}].label", title_languages),
            maximum=str(entry.get("max", "")),
            band=entry.get("band") is True,
        )
        for i, entry in enumerate(_list(data.get("results") or [], "results"))
    )
    notices = tuple(
        Notice(
            flag=_key(_mapping(entry, f"notices[{i}]").get("flag"), f"notices[{i}].flag"),
            text=_text(entry.get("text"), f"notices[{i}].text", title_languages),
            offer=_key(entry["offer"], f"notices[{i}].offer") if entry.get("offer") else "",
        )
        for i, entry in enumerate(_list(data.get("notices") or [], "notices"))
    )
    safety = _mapping(data.get("safety") or {}, "safety")
    parts = {}
    for part_key, raw_part in _mapping(data.get("parts") or {}, "parts").items():
        part_path = f"parts.{part_key}"
        part = _mapping(raw_part, part_path)
        part_items = tuple(_list(part.get("items"), f"{part_path}.items"))
        unknown = [k for k in part_items if k not in keys]
        if unknown or not part_items:
            raise DefinitionError(f"{part_path}.items", f"unknown or no items {unknown}")
        part_scoring = part.get("scoring")
        if not isinstance(part_scoring, str) or (scorers and part_scoring not in scorers):
            raise DefinitionError(f"{part_path}.scoring", f"unknown scoring {part_scoring!r}")
        parts[_key(part_key, part_path)] = Part(
            key=part_key,
            title=_text(part.get("title"), f"{part_path}.title", title_languages),
            items=part_items,
            scoring=part_scoring,
        )
    return Definition(
        key=key,
        version=version,
        wording=wording,
        languages=languages,
        title=_text(data.get("title"), "title", title_languages),
        scoring=scoring,
        items=items,
        licence=_text(data.get("licence"), "licence", title_languages),
        intro=_text(data.get("intro"), "intro", languages, required=False),
        period=_text(data.get("period"), "period", languages, required=False),
        groups=groups,
        band_score=band_score,
        bands=bands,
        results=results,
        notices=notices,
        crisis_flag=_key(safety["crisis_flag"], "safety.crisis_flag")
        if safety.get("crisis_flag")
        else "",
        parts=parts,
        clinician_note=_text(
            data.get("clinician_note"), "clinician_note", title_languages, required=False
        ),
    )


# --- Licensed wording laid over a shipped structure ---

_WORDING_TOP: Final = ("title", "intro", "period", "licence")


def is_wording_file(raw: object) -> bool:
    """A wording file gives ``items`` as a mapping item key -> texts; a definition, a list."""
    return isinstance(raw, Mapping) and isinstance(raw.get("items"), Mapping)


def apply_wording(structure: Mapping[str, Any], wording: Mapping[str, Any]) -> dict[str, Any]:
    """Lay a wording file over a structure definition and return the merged raw definition.

    The wording file names the same ``key``, its own ``version``, ``wording`` (normally
    "licensed"), ``languages`` and ``licence``, and gives text for every item of the
    structure (``items: {item_key: {text: {...}, help, anchors}}``); optionally ``title``,
    ``intro``, ``period``, ``groups`` and ``answer_labels`` ({set: {value: {...}}}). Structure
    (types, ranges, required items, scoring, bands) always comes from the structure, so an
    installed text cannot change how the instrument is scored.
    """
    _mapping(wording, "")
    if wording.get("key") != structure.get("key"):
        raise DefinitionError(
            "key", f"the wording is for {wording.get('key')!r}, not {structure.get('key')!r}"
        )
    texts = _mapping(wording.get("items"), "items")
    structure_items = _list(structure.get("items"), "items")
    structure_keys = [entry.get("key") for entry in structure_items]
    for item_key in texts:
        if item_key not in structure_keys:
            raise DefinitionError(f"items.{item_key}", "is not an item of this instrument")
    merged: dict[str, Any] = dict(structure)
    for name in ("version", "wording", "languages"):
        merged[name] = wording.get(name)
    for name in _WORDING_TOP:
        if name in wording:
            merged[name] = wording[name]
    merged_items = []
    for entry in structure_items:
        item = dict(entry)
        if entry.get("key") not in texts:
            raise DefinitionError(f"items.{entry.get('key')}", "has no text in the wording file")
        item_text = _mapping(texts[entry["key"]], f"items.{entry['key']}")
        for name in ("text", "help", "anchors"):
            if name in item_text:
                item[name] = item_text[name]
        merged_items.append(item)
    merged["items"] = merged_items
    if "groups" in wording:
        merged["groups"] = {**(structure.get("groups") or {}), **wording["groups"]}
    labels = _mapping(wording.get("answer_labels") or {}, "answer_labels")
    if labels:
        sets = dict(structure.get("answer_sets") or {})
        for set_name, by_value in labels.items():
            if set_name not in sets:
                raise DefinitionError(f"answer_labels.{set_name}", "unknown answer set")
            by_value = _mapping(by_value, f"answer_labels.{set_name}")
            sets[set_name] = [
                {**option, "label": by_value.get(option["value"], option.get("label"))}
                for option in sets[set_name]
            ]
        merged["answer_sets"] = sets
    return merged
