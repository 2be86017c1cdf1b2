"""Log filter that keeps personal data out of the logs.

Django's request loggers attach the request object and, for errors, may put
query strings in the message. We drop the request object and cut query
strings, so no e-mail address, token or health value ends up on stdout.
"""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"']*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class ScrubPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        if isinstance(record.msg, str):
            record.msg = _EMAIL.sub("[e-mail]", _QUERY.sub("?[…]", record.msg))
        if record.args:
            record.args = tuple(
                _EMAIL.sub("[e-mail]", _QUERY.sub("?[…]", a)) if isinstance(a, str) else a
                for a in (record.args if isinstance(record.args, tuple) else (record.args,))
            )
        return True
