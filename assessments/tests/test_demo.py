import pytest

from accounts.models import User
from assessments import demo
from assessments.models import RedFlagCheck, Response
from pijnreset.management.commands.demo import create_accounts

pytestmark = pytest.mark.django_db


def test_the_demo_gives_anna_a_result_with_change_and_is_idempotent(client):
    create_accounts()
    for _name, step in demo.STEPS * 2:
        step()
    anna = User.objects.get(email=demo.ANNA)
    sent = Response.objects.of(anna).submitted()
    assert sorted(sent.values_list("instrument_key", "occasion")) == [
        ("acr2016", "intake"), ("acr2016", "week_4"), ("phq4", "intake")
    ]  # fmt: skip
    assert RedFlagCheck.objects.filter(patient=anna).count() == 1
    week_4 = sent.get(occasion="week_4")
    assert week_4.part == "symptoms" and week_4.scores["fs"] == 12
    client.force_login(anna)
    page = client.get(f"/vragenlijsten/{week_4.public_id}/uitslag/").content.decode()
    assert "Vorige keer" in page and "Nu is het 7 lager." in page
