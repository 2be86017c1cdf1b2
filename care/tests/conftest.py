"""Practice A (Eva, managed by Mila) and practice B (Joost); Eva and Joost have set up
two-factor authentication; Anna shares with Eva in some tests."""

import pytest

from care.tests.helpers import give_second_factor
from practices.tests.factories import GRONINGEN, make_practice, make_therapist


@pytest.fixture
def practice_a(db, manager_mila):
    return make_practice("Praktijk Rustpunt", managers=(manager_mila,))


@pytest.fixture
def practice_b(db):
    return make_practice(
        "Fysio Noord", place="Groningen", at=GRONINGEN, postcode="9711 AA", province="GR"
    )


@pytest.fixture
def eva(practice_a, therapist_eva):
    give_second_factor(therapist_eva)
    return make_therapist("Eva de Vries", practices=(practice_a,), user=therapist_eva)


@pytest.fixture
def joost(practice_b, therapist_joost):
    give_second_factor(therapist_joost)
    return make_therapist("Joost Bakker", practices=(practice_b,), user=therapist_joost)


@pytest.fixture
def eva_client(client, therapist_eva, eva):
    client.force_login(therapist_eva)
    return client
