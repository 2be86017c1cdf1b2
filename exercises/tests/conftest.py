from pathlib import Path

import pytest
from django.utils import timezone

from exercises.content import load_scripts

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def scripts(db):
    """The fixture scripts (nl and en) loaded into the database."""
    return load_scripts(content_dir=FIXTURES)


@pytest.fixture
def anna_client(client, patient_anna):
    client.force_login(patient_anna)
    return client


@pytest.fixture
def bram_client(client, patient_bram):
    client.force_login(patient_bram)
    return client


@pytest.fixture
def paused_anna(patient_anna):
    """Anna answered a red-flag question: the exercises wait for a doctor's visit."""
    from assessments.models import RedFlagCheck

    RedFlagCheck.objects.create(
        patient=patient_anna,
        context="something_new",
        answers={"weight_loss": True},
        routing="gp",
        submitted_at=timezone.now(),
    )
    return patient_anna
