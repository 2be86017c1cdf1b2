"""Values kept under versions (pijnreset/versions.py): kept while the versions stand,
made anew after any of them is bumped, even when the bump came while it was being made."""

from __future__ import annotations

from pijnreset import versions


class Maker:
    def __init__(self, during=None):  # type: ignore[no-untyped-def]
        self.calls = 0
        self.during = during

    def __call__(self) -> str:
        self.calls += 1
        if self.during:
            self.during()
        return f"made {self.calls}"


def test_kept_while_the_versions_stand():
    make = Maker()
    assert versions.kept("k", ["a", "b"], make, 60) == "made 1"
    assert versions.kept("k", ["a", "b"], make, 60) == "made 1"
    assert make.calls == 1


def test_made_anew_after_any_version_is_bumped():
    make = Maker()
    versions.kept("k", ["a", "b"], make, 60)
    versions.bump("b")
    assert versions.kept("k", ["a", "b"], make, 60) == "made 2"
    versions.bump("a")
    assert versions.kept("k", ["a", "b"], make, 60) == "made 3"
    assert versions.kept("k", ["a", "b"], make, 60) == "made 3"


def test_a_bump_while_making_is_not_hidden_by_the_value_made():
    make = Maker(during=lambda: versions.bump("a"))
    versions.kept("k", ["a"], make, 60)  # made from rows the bump has since replaced
    make.during = None
    assert versions.kept("k", ["a"], make, 60) == "made 2"


def test_an_other_key_is_an_other_value():
    make = Maker()
    versions.kept("nl", ["a"], make, 60)
    assert versions.kept("en", ["a"], make, 60) == "made 2"
