"""The CSV import's pure rules: reading a file, guessing columns and planning row by row."""

import io
import zipfile
from datetime import date

import pytest

from dataports import csvimport
from dataports.csvimport import UnreadableFile, guess_mapping, parse_day, plan, read_table

TODAY = date(2026, 3, 10)
FIRST = date(2016, 1, 1)


def planned(text: str, mapping=None, existing=None):
    table = read_table(text.encode())
    return plan(
        table,
        mapping or guess_mapping(table.headers),
        today=TODAY,
        first_allowed=FIRST,
        existing=existing or {},
    )


def test_the_scores_are_those_of_the_check_in():
    from diary.models import SCORES

    assert csvimport.SCORES == SCORES


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"date,pain\n" + b"x" * csvimport.MAX_BYTES, "too_big"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "not_text"),
        (b"date,pain\n\x01\x02,3\n", "not_text"),
        (b'date,pain\n"2026-03-01,4\n', "malformed"),
        (b"date,pain\n", "no_rows"),
        (b",".join(b"c%d" % i for i in range(41)) + b"\n1\n", "too_many_columns"),
        (b"date,pain\n" + b"2026-03-01,4\n" * (csvimport.MAX_ROWS + 1), "too_many_rows"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole_with_its_reason(raw, problem):
    with pytest.raises(UnreadableFile) as refused:
        read_table(raw)
    assert refused.value.problem == problem


def test_semicolons_and_excel_encoding_are_read():
    table = read_table("Datum;Pijn;Slaap\n01-03-2026;5;7\n".encode("cp1252"))
    assert table.headers == ("Datum", "Pijn", "Slaap")
    assert guess_mapping(table.headers) == {"date": 0, "pain": 1, "sleep_quality": 2}


def test_our_own_export_columns_are_recognised():
    headers = ("recorded_at", "local_date", "public_id", "pain", "fatigue", "sleep_quality")
    assert guess_mapping(headers) == {"date": 1, "pain": 3, "fatigue": 4, "sleep_quality": 5}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("01-03-2026", date(2026, 3, 1)),
        ("1/3/2026", date(2026, 3, 1)),
        ("01.03.2026", date(2026, 3, 1)),
        ("2026-02-30", None),
        ("0000-00-00", None),
        ("9999-99-99", None),
        ("yesterday", None),
        ("2026-03-01T10:00:00+01:00", None),
    ],
)
def test_dates(text, day):
    assert parse_day(text) == day


def test_each_row_says_what_it_does_and_why():
    text = (
        "date,pain,fatigue\n"
        "2026-03-01,5,6\n"  # 2: new
        ",4,4\n"  # 3: no date
        "maart,4,4\n"  # 4: bad date
        "2026-03-11,4,4\n"  # 5: tomorrow
        "2015-12-31,4,4\n"  # 6: too old
        "2026-03-02,4.5,4\n"  # 7: not whole
        "2026-03-03,11,4\n"  # 8: out of range
        "2026-03-04,-1,4\n"  # 9: out of range
        "2026-03-05,,4\n"  # 10: no pain
        "2026-03-01,3,3\n"  # 11: twice in the file
        "2026-03-06,2,\n"  # 12: already there, same values
        "2026-03-07,2,2\n"  # 13: exists with other values
        "2016-01-01,0,10\n"  # 14: new, edges of every range
    )
    existing = {date(2026, 3, 6): {"pain": 2, "fatigue": None}, date(2026, 3, 7): {"pain": 8}}
    outcomes = planned(text, existing=existing)
    assert [(o.line, o.reason) for o in outcomes] == [
        (2, None),
        (3, "no_date"),
        (4, "bad_date"),
        (5, "future"),
        (6, "too_old"),
        (7, "bad_score"),
        (8, "out_of_range"),
        (9, "out_of_range"),
        (10, "no_pain"),
        (11, "twice_in_file"),
        (12, "already_there"),
        (13, "exists_different"),
        (14, None),
    ]
    assert outcomes[0].values == {"pain": 5, "fatigue": 6}
    assert outcomes[6].column == "pain"
    assert csvimport.summary(outcomes)["imported"] == 2


def test_the_same_file_planned_after_its_import_adds_nothing():
    text = "date,pain\n2026-03-01,5\n2026-03-02,6\n"
    first = planned(text)
    existing = {o.day: o.values for o in first if o.imported}
    again = planned(text, existing=existing)
    assert [o.reason for o in again] == ["already_there", "already_there"]


def test_a_zip_of_our_csv_export_gives_its_check_ins_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("account.csv", "email\nx\n")
        archive.writestr("checkins.csv", "local_date,pain\n2026-03-01,4\n")
    assert csvimport.unpack(buffer.getvalue()) == b"local_date,pain\n2026-03-01,4\n"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"PK\x03\x04 not really a zip", "malformed"),
        (b"PK\x03\x04" + b"\x00" * 100, "malformed"),
    ],
)
def test_a_broken_zip_is_refused(raw, problem):
    with pytest.raises(UnreadableFile) as refused:
        csvimport.unpack(raw)
    assert refused.value.problem == problem


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("checkins.csv", b"0" * (csvimport.MAX_BYTES * 5))
    with pytest.raises(UnreadableFile) as refused:
        csvimport.unpack(buffer.getvalue())
    assert refused.value.problem == "too_big"
