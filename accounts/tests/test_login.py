import re

import pytest
from django.conf import settings
from django.core import mail

LOGIN = "/account/login/"


@pytest.mark.django_db
def test_login_by_email_lands_on_today_in_the_users_language(client, patient_bram, password):
    response = client.post(LOGIN, {"login": "bram@example.nl", "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/en/vandaag/"


@pytest.mark.django_db
def test_wrong_password_gives_a_clear_message_and_keeps_the_email(client, patient_anna):
    response = client.post(LOGIN, {"login": "anna@example.nl", "password": "niet goed"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "niet correct" in html
    assert 'value="anna@example.nl"' in html


@pytest.mark.django_db
def test_repeated_wrong_passwords_are_rate_limited(client, patient_anna, password):
    for _ in range(5):
        client.post(LOGIN, {"login": "anna@example.nl", "password": "niet goed"})
    response = client.post(LOGIN, {"login": "anna@example.nl", "password": password})
    assert response.status_code == 429 or "te veel" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_session_id_changes_at_login_and_old_cookie_dies_at_logout(client, patient_anna, password):
    client.get(LOGIN)
    client.session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(LOGIN, {"login": "anna@example.nl", "password": password})
    after_login = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after_login != before
    assert client.get("/account/profiel/").status_code == 200

    client.post("/account/logout/")
    client.cookies[settings.SESSION_COOKIE_NAME] = after_login  # replay the old cookie
    response = client.get("/account/profiel/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client, patient_anna):
    client.post("/account/password/reset/", {"email": "anna@example.nl"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    new = "nieuwe lange zin voor anna"
    response = client.post(action, {"password1": new, "password2": new})
    assert response.status_code == 302
    patient_anna.refresh_from_db()
    assert patient_anna.check_password(new)


@pytest.mark.django_db
def test_an_expired_or_wrong_reset_link_says_so(client, patient_anna):
    response = client.get("/account/password/reset/key/1-wrong-token/", follow=True)
    assert response.status_code == 200
    assert "ongeldig" in response.content.decode().lower()


@pytest.mark.django_db
def test_stay_logged_in_starts_ticked_and_lasts_30_days(client):
    html = client.get(LOGIN).content.decode()
    remember = re.search(r"<input[^>]*name=\"remember\"[^>]*>", html)
    assert remember is not None and "checked" in remember.group(0)
    assert settings.SESSION_COOKIE_AGE == 60 * 60 * 24 * 30


@pytest.mark.django_db
def test_the_log_in_page_is_our_own_in_both_languages(client):
    dutch = client.get(LOGIN).content.decode()
    assert "Welkom terug." in dutch and 'href="/account/signup/">Maak een account</a>' in dutch
    assert 'name="remember"' in dutch and 'href="/account/password/reset/"' in dutch
    english = client.get("/en" + LOGIN).content.decode()
    assert "Welcome back." in english and ">Create an account</a>" in english
