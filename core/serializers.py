"""Django's JSON serializer, keeping times to the microsecond.

Django's encoder cuts them to milliseconds (ECMA-262 dates), so a revision, a recovered article or a
restored archive would move a publication made "now" by up to a millisecond, and change how articles
published in the same second sort. Installed as the ``json`` format (``SERIALIZATION_MODULES``), so
revisions (django-reversion), ``dumpdata`` and the archive all use it; it reads what Django's wrote.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.utcoffset() is not None:
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(DjangoSerializer):
    def _init_options(self):
        super()._init_options()
        if self.json_kwargs["cls"] is DjangoJSONEncoder:
            self.json_kwargs["cls"] = ExactJSONEncoder
