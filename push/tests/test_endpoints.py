"""The pure checks of what a browser sends (push/endpoints.py)."""

from push.endpoints import decode_key, device_label, endpoint_allowed, keys_valid
from push.tests.fake_push import b64url

SERVICES = ["https://fcm.googleapis.com", "https://*.notify.windows.com"]


def test_only_addresses_on_a_trusted_push_service_are_allowed():
    assert endpoint_allowed("https://fcm.googleapis.com/fcm/send/abc:def", SERVICES)
    assert endpoint_allowed("https://wns2-am3p.notify.windows.com/w/?token=x", SERVICES)
    assert not endpoint_allowed("http://fcm.googleapis.com/fcm/send/abc", SERVICES)  # not https
    assert not endpoint_allowed("https://fcm.googleapis.com.evil.nl/x", SERVICES)
    assert not endpoint_allowed("https://evilfcm.googleapis.com/x", SERVICES)
    assert not endpoint_allowed("https://notify.windows.com.evil.nl/x", SERVICES)
    assert not endpoint_allowed("https://127.0.0.1/x", SERVICES)
    assert not endpoint_allowed("https://user:pw@fcm.googleapis.com/x", SERVICES)
    assert not endpoint_allowed("https://fcm.googleapis.com:99999/x", SERVICES)
    assert not endpoint_allowed("https://fcm.googleapis.com/" + "a" * 1000, SERVICES)
    assert not endpoint_allowed("not a url", SERVICES)
    assert not endpoint_allowed("https://fcm.googleapis.com/x", [])


def test_keys_must_be_a_p256_point_and_a_16_byte_secret():
    point = b64url(b"\x04" + bytes(64))
    assert keys_valid(point, b64url(bytes(16)))
    assert keys_valid(point + "=", b64url(bytes(16)) + "==")  # padding is fine
    assert not keys_valid(b64url(b"\x02" + bytes(64)), b64url(bytes(16)))  # compressed
    assert not keys_valid(point, b64url(bytes(15)))
    assert not keys_valid("not base64!", b64url(bytes(16)))
    assert decode_key("", 16) is None


def test_the_device_label_names_only_browser_and_system():
    android = (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Mobile Safari/537.36"
    )
    assert device_label(android) == "Chrome · Android"
    firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
    assert device_label(firefox) == "Firefox · Windows"
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
    )
    assert device_label(iphone) == "Safari · iPhone"
    assert device_label("") == ""
