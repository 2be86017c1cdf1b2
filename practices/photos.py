"""Therapist photos checked by their content, then re-encoded (pure: Pillow, no Django).

A file is a photo when Pillow reads it as JPEG, PNG or WebP, whatever its
name says (HTML named .png is refused). What is stored is a fresh encoding:
turned upright by its EXIF orientation, at most 1024 pixels on a side, and
without the original's metadata (EXIF with GPS, camera, comments).
"""

from __future__ import annotations

import warnings
from io import BytesIO
from typing import Final, Literal

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES: Final = 5 * 1024 * 1024
MAX_PIXELS: Final = 40_000_000  # width x height of the upload, before scaling down
LONGEST_SIDE: Final = 1024
FORMATS: Final = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

Problem = Literal["too_large", "too_many_pixels", "not_a_photo"]


class PhotoRefused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem


def normalise_photo(data: bytes) -> tuple[bytes, str]:
    """The re-encoded photo and its file extension; PhotoRefused when it is not one."""
    if len(data) > MAX_BYTES:
        raise PhotoRefused("too_large")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _reencode(data)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise PhotoRefused("too_many_pixels") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoRefused("not_a_photo") from exc


def _reencode(data: bytes) -> tuple[bytes, str]:
    formats = list(FORMATS)
    with Image.open(BytesIO(data), formats=formats) as probe:
        if probe.format not in FORMATS:
            raise PhotoRefused("not_a_photo")
        if probe.width * probe.height > MAX_PIXELS:
            raise PhotoRefused("too_many_pixels")
        probe.verify()  # a truncated or corrupt file fails here
    with Image.open(BytesIO(data), formats=formats) as image:
        image_format = str(image.format)
        image.load()
        upright = ImageOps.exif_transpose(image)
    upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    if upright.mode == "P":  # palette and transparency travel as plain RGBA
        upright = upright.convert("RGBA")
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    if image_format == "WEBP" and upright.mode not in ("RGB", "RGBA"):
        upright = upright.convert("RGBA")
    clean = Image.new(upright.mode, upright.size)  # a new image carries no metadata
    clean.paste(upright)
    out = BytesIO()
    options = {"quality": 85} if image_format in ("JPEG", "WEBP") else {}
    clean.save(out, format=image_format, **options)
    return out.getvalue(), FORMATS[image_format]
