import gc
import logging
import os

from django.core.wsgi import get_wsgi_application
from django.db import DatabaseError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")

application = get_wsgi_application()

# The first search would otherwise read every live page's facet values (about 0.7 s at 10,000
# pages); reading them here also lets the freeze below keep them out of the collector's way.
try:
    from search.query import warm_up

    warm_up()
except DatabaseError as error:  # not migrated yet: the first search reads them instead
    logging.getLogger(__name__).warning("Search not warmed up: %s", error)

# What start-up creates lives as long as the process. Freezing it keeps Python's collector from
# re-scanning it, which otherwise pauses about every twentieth request for ~100 ms.
gc.freeze()
