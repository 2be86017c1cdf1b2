"""The sitemap's public stories: only `public()` ones, so a withdrawn story leaves at once."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from stories.models import Story


class _OwnSite:
    """Addresses on SITE_URL (the public address), not on the sites framework's row."""

    def get_domain(self, site: object = None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"


class StorySitemap(_OwnSite, Sitemap[Story]):
    changefreq = "monthly"

    def items(self) -> QuerySet[Story]:
        return Story.objects.public().order_by("pk")

    def lastmod(self, item: Story) -> datetime:
        return item.updated_at


class PagesSitemap(_OwnSite, Sitemap[str]):
    """The public pages of reviews and stories."""

    def items(self) -> list[str]:
        return ["reviews:network", "reviews:how", "stories:index"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "stories": StorySitemap}
