from programme.tests.helpers import anna_token, enrolled_anna, lessons  # noqa: F401
