"""Therapist photos are read by their content; closures and policies stay in their windows."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from practices import photos
from practices.models import Closure, Therapist
from practices.tests.test_manage import form_data

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg_turned_on_its_side() -> bytes:
    """A 40x20 JPEG whose EXIF says: show me turned 90 degrees, and where it was taken."""
    image = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to show
    exif[0x010F] = "Camera maker with a secret"
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def add_therapist(client, practice, photo):
    return client.post(
        f"/en/praktijken/{practice.public_id}/therapeuten/nieuw/",
        {"name": "Noor Visser", "profession": "physiotherapist", "kinds": ["in_person"],
         "languages": ["nl"], "specialisations": ["fibromyalgia"], "is_active": "on",
         "photo": photo},
    )  # fmt: skip


def test_html_named_png_is_refused_with_a_clear_error(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    fake = SimpleUploadedFile("noor.png", HTML, content_type="image/png")
    response = add_therapist(client, practice_a, fake)
    assert response.status_code == 422
    assert "This file is not a JPEG, PNG or WebP photo." in response.content.decode()
    assert not Therapist.objects.filter(name="Noor Visser").exists()


def test_a_photo_is_stored_upright_smaller_and_without_its_metadata(
    client, practice_a, manager_mila
):
    client.force_login(manager_mila)
    upload = SimpleUploadedFile("noor.jpeg", jpeg_turned_on_its_side(), content_type="image/jpeg")
    assert add_therapist(client, practice_a, upload).status_code == 302
    stored = Therapist.objects.get(name="Noor Visser").photo
    assert stored.name.endswith(".jpg")
    with Image.open(stored.path) as image:
        assert image.format == "JPEG" and image.size == (20, 40)  # turned upright
        assert not image.getexif()  # no orientation, no camera, no place


def test_a_photo_over_5_mb_is_refused(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * photos.MAX_BYTES)
    response = add_therapist(client, practice_a, big)
    assert response.status_code == 422
    assert "at most 5 MB" in response.content.decode()


def test_a_photo_with_too_many_pixels_is_refused():
    out = BytesIO()
    Image.new("1", (8000, 6000)).save(out, format="PNG")  # small file, 48 million pixels
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.normalise_photo(out.getvalue())
    assert refused.value.problem == "too_many_pixels"


@pytest.mark.parametrize(
    "data", [b"", b"GIF89a" + b"0" * 20, HTML, b"\x89PNG\r\n\x1a\n" + b"0" * 30]
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_not_a_photo(data):
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.normalise_photo(data)
    assert refused.value.problem == "not_a_photo"


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_keep_their_format(fmt):
    out = BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(out, format=fmt)
    data, extension = photos.normalise_photo(out.getvalue())
    with Image.open(BytesIO(data)) as image:
        assert image.format == fmt and extension == fmt.lower()


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_closure_in_an_impossible_year_is_refused(client, now, practice_a, manager_mila, year):
    client.force_login(manager_mila)
    response = client.post(
        f"/en/praktijken/{practice_a.public_id}/sluitingen/",
        {"closure-first_day": f"{year}-04-27", "closure-last_day": f"{year}-04-27",
         "closure-reason": "Koningsdag"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "Choose a date between" in response.content.decode()
    assert not Closure.objects.exists()


def test_a_booking_horizon_beyond_two_years_is_refused(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    data = form_data(practice_a, horizon_weeks=32000, latitude=1e308)
    response = client.post(f"/en/praktijken/{practice_a.public_id}/bewerken/", data)
    assert response.status_code == 422
    assert "less than or equal to 104" in response.content.decode()


def test_typed_coordinates_are_ignored(client, practice_a, manager_mila):
    """The point on the map comes from the postcode only (practices.postcodes)."""
    client.force_login(manager_mila)
    data = form_data(practice_a, latitude=1e308, longitude=-1e308)
    assert client.post(f"/praktijken/{practice_a.public_id}/bewerken/", data).status_code == 302
    before = (practice_a.latitude, practice_a.longitude)
    practice_a.refresh_from_db()
    assert (practice_a.latitude, practice_a.longitude) == before


def test_the_photo_message_is_dutch_on_the_dutch_page(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    response = client.post(
        f"/praktijken/{practice_a.public_id}/therapeuten/nieuw/",
        {"name": "Noor", "profession": "physiotherapist", "kinds": ["in_person"],
         "photo": SimpleUploadedFile("noor.png", HTML)},
    )  # fmt: skip
    assert "Dit bestand is geen foto in JPEG, PNG of WebP." in response.content.decode()


def test_practice_text_with_control_characters_is_refused_but_newlines_are_fine(
    client, practice_a, manager_mila
):
    client.force_login(manager_mila)
    url = f"/praktijken/{practice_a.public_id}/bewerken/"
    response = client.post(url, form_data(practice_a, name="Rust\u001bpunt"))
    assert response.status_code == 422
    assert "Haal de speciale tekens weg" in response.content.decode()
    response = client.post(url, form_data(practice_a, about_nl="Welkom.\n\tOok op zaterdag."))
    assert response.status_code == 302
    practice_a.refresh_from_db()
    assert practice_a.about_nl == "Welkom.\n\tOok op zaterdag."


def test_a_therapist_name_with_a_nul_is_refused(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    response = add_therapist(client, practice_a, "")
    assert response.status_code == 302
    response = client.post(
        f"/praktijken/{practice_a.public_id}/therapeuten/nieuw/",
        {"name": "Noor\u0000", "profession": "physiotherapist", "kinds": ["in_person"]},
    )
    assert response.status_code == 422
