import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
application = get_wsgi_application()


def _warm_resolver() -> None:
    # The region index takes a few seconds to build; build it now, not on the first SMS.
    from aduan.regions.resolver import get_resolver

    try:
        get_resolver()
    except Exception:  # an empty or unmigrated database: the first request will say so
        pass


# 1: in the background while the worker already serves; sync: before it serves its first request
# (a worker restarted under load then never makes SMS wait); 0: on the first SMS.
match os.environ.get("ADUAN_WARM_RESOLVER", "1"):
    case "1":
        threading.Thread(target=_warm_resolver, name="warm-resolver", daemon=True).start()
    case "sync":
        _warm_resolver()
