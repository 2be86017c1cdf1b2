"""The pure checks: flags for moderators, health words in replies (no Django needed)."""

import pytest

from reviews import screening


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Mail me op jan.jansen@example.nl voor info", "email"),
        ("Bel 06-12345678 als je vragen hebt", "phone"),
        ("Call +31 6 1234 5678 please", "phone"),
        ("Kijk op www.mijnpraktijk.nl voor meer", "url"),
        ("See https://example.com/deal now", "url"),
        ("Wat een oplichters zijn het", "abuse"),
        ("What a bunch of idiots, total crap", "abuse"),
    ],
)
def test_review_flags(text, flag):
    assert flag in screening.review_flags(text)


def test_a_plain_review_has_no_flags():
    text = "Fijne therapeut, ik kon na drie afspraken weer rustiger wandelen. Aanrader."
    assert screening.review_flags(text) == []


def test_an_email_address_is_not_also_a_url():
    assert screening.review_flags("schrijf naar info@praktijk.nl") == ["email"]


def test_story_flags_cure_and_medication():
    assert screening.story_flags("Ik ben helemaal genezen!") == ["cure"]
    assert screening.story_flags("Stop met je medicijnen, dat hielp mij") == ["medication"]
    assert screening.story_flags("I took 300 mg of pregabalin") == ["medication"]
    assert screening.story_flags("Kleine stappen hielpen mij om vaker te wandelen.") == []


def test_health_words_in_replies():
    assert screening.health_words_in("Fijn dat uw rugpijn na de behandeling minder is") == [
        "behandeling"
    ]
    assert screening.health_words_in("Sorry about your back pain") == ["back", "pain"]
    assert screening.health_words_in("Dank u wel, u bent altijd welkom om te bellen.") == []
