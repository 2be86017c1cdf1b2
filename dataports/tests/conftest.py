from programme.tests.helpers import lessons  # noqa: F401
