from programme.tests.helpers import anna_token  # noqa: F401  (fixture)
from push.tests.fixtures import laptop, phone, push_service, vapid  # noqa: F401  (fixtures)
