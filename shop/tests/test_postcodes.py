import pytest

from shop.postcodes import normalise


@pytest.mark.parametrize(
    ("typed", "country", "written"),
    [
        ("3511 AB", "NL", "3511 AB"), ("3511ab", "NL", "3511 AB"), (" 3511  ab ", "NL", "3511 AB"),
        ("0511 AB", "NL", None), ("3511 SS", "NL", None), ("3511", "NL", None),
        ("35111 AB", "NL", None), ("", "NL", None), ("3511 A\u0000", "NL", None),
        ("1000", "BE", "1000"), ("0999", "BE", None), ("1000 AB", "BE", None), ("1000", "DE", None),
    ],
)  # fmt: skip
def test_postcodes_are_checked_and_written_one_way(typed, country, written):
    assert normalise(typed, country) == written
