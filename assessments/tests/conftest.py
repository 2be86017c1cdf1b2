import pytest
from django.utils import timezone

from assessments import actions


@pytest.fixture
def instruments(db):
    """The shipped questionnaire definitions, loaded as `manage.py load_instruments` does."""
    return {i.key: i for i in actions.load_instruments(now=timezone.now())}
