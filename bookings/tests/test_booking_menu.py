"""The booking choice, kind first (bookings/menu.py, pure) and as the pages show it."""

from __future__ import annotations

import re

import pytest

from bookings.menu import TypeOption, choose

TYPES = [
    TypeOption("intake", ("in_person", "video")),
    TypeOption("follow_up", ("in_person", "video")),
    TypeOption("phone_consult", ("phone",)),
    TypeOption("video_consult", ("video",)),
]
ALL = ["in_person", "phone", "video"]


def test_without_a_choice_the_first_way_and_its_first_type():
    menu = choose(offered_kinds=ALL, types=TYPES, asked_kind=None, asked_type=None)
    assert (menu.kind, menu.type, menu.types) == ("in_person", "intake", ("intake", "follow_up"))
    assert menu.kinds == ("in_person", "phone", "video") and not menu.type_changed


def test_phone_shows_only_phone_types():
    menu = choose(offered_kinds=ALL, types=TYPES, asked_kind="phone", asked_type=None)
    assert (menu.kind, menu.types, menu.type) == ("phone", ("phone_consult",), "phone_consult")


@pytest.mark.parametrize("kind", [*ALL, None, "at_home", "x" * 30])
@pytest.mark.parametrize(
    "asked", ["intake", "follow_up", "phone_consult", "video_consult", None, "?"]
)
def test_no_pair_that_cannot_take_place_ever_comes_out(kind, asked):
    menu = choose(offered_kinds=ALL, types=TYPES, asked_kind=kind, asked_type=asked)
    chosen = next(t for t in TYPES if t.slug == menu.type)
    assert menu.kind in chosen.kinds and menu.kind in ALL
    assert all(menu.kind in t.kinds for t in TYPES if t.slug in menu.types)


def test_the_kind_wins_over_a_type_that_does_not_fit():
    menu = choose(
        offered_kinds=ALL, types=TYPES, asked_kind="in_person", asked_type="video_consult"
    )
    assert (menu.kind, menu.type, menu.type_changed) == ("in_person", "intake", True)


def test_a_type_alone_brings_its_own_first_way():
    menu = choose(offered_kinds=ALL, types=TYPES, asked_kind=None, asked_type="phone_consult")
    assert (menu.kind, menu.type, menu.type_changed) == ("phone", "phone_consult", False)


def test_ways_without_any_type_or_not_offered_are_left_out():
    menu = choose(
        offered_kinds=["in_person", "phone"], types=TYPES[:2], asked_kind="phone", asked_type=None
    )
    assert menu.kinds == ("in_person",) and menu.kind == "in_person"


def test_nothing_bookable_gives_an_empty_menu():
    menu = choose(offered_kinds=["phone"], types=TYPES[:2], asked_kind=None, asked_type=None)
    assert (menu.kinds, menu.kind, menu.type, menu.types) == ((), None, None, ())


# -- the pages ---------------------------------------------------------------------


def visible_types(html: str) -> list[str]:
    """The type radios a visitor without JavaScript sees (hidden rows are left out)."""
    return re.findall(
        r'<div class="check" data-kinds="[^"]*"><input type="radio" name="type" value="([a-z_]+)"',
        html,
    )


@pytest.mark.django_db
def test_the_slot_page_asks_the_way_first_and_shows_only_fitting_types(
    client, now, practice_a, eva
):
    html = client.get(f"/afspraken/boeken/{practice_a.public_id}/?kind=phone").content.decode()
    assert visible_types(html) == ["phone_consult"]
    assert 'value="phone" id="kind-phone" checked' in html
    assert "type=phone_consult&amp;kind=phone" in html  # the free times are for that pair
    assert "kind=in_person" not in html.split('id="free-times"')[1]


@pytest.mark.django_db
def test_choose_this_way_without_javascript_drops_the_old_type(client, now, practice_a, eva):
    url = f"/afspraken/boeken/{practice_a.public_id}/?kind=video&type=intake&step=kind"
    html = client.get(url).content.decode()
    assert visible_types(html) == ["intake", "follow_up", "video_consult"]
    assert "We tonen" not in html  # no correction message: only the way was chosen


@pytest.mark.django_db
def test_the_practice_page_shows_free_times_at_once(client, now, practice_a, eva):
    html = client.get(practice_a.get_absolute_url()).content.decode()
    # Eva works 09:00-17:00; the first way and type: in person, intake (60 minutes).
    assert "start=2026-03-02T09:00:00Z" in html and "type=intake&amp;kind=in_person" in html
    assert "Vrije tijden van 2 maart tot en met 8 maart 2026" in html
    assert "week=2026-03-09" in html  # a way to see later weeks


@pytest.mark.django_db
def test_a_practice_that_visits_at_home_says_to_call_for_it(client, now, practice_a, eva):
    practice_a.services = [*practice_a.services, "at_home"]
    practice_a.save()
    html = client.get(practice_a.get_absolute_url()).content.decode()
    assert "Een afspraak bij jou thuis?" in html and 'href="tel:' in html
