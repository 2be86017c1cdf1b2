from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from pijnreset.tabs import tabs_for


def site(request: HttpRequest) -> dict[str, object]:
    """The language switch (same page, other language) and the crisis lines."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path()
    switch = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = translate_url(path, code)
        if url == path:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        switch.append(
            {
                "code": code,
                "url": url,
                # hreflang alternates must be absolute addresses (search engines ignore others)
                "absolute_url": request.build_absolute_uri(url),
                "name": get_language_info(code)["name_local"],
            }
        )
    return {"language_switch": switch, "current_language": current}


def shell(request: HttpRequest) -> dict[str, object]:
    """The app shell's tabs for the signed-in user (pijnreset/tabs.py), and what names them
    in base.html's cached header: which tabs, and which one is current."""
    tabs = tabs_for(getattr(request, "user", None), request.resolver_match)
    tabs_key = ",".join(f"{tab['key']}{'*' if tab['current'] else ''}" for tab in tabs)
    return {"tabs": tabs, "tabs_key": tabs_key}
