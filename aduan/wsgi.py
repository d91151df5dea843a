import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
application = get_wsgi_application()

from aduan.warm import warm_up  # noqa: E402  (after Django is set up)

# 1: in the background while the worker already serves; sync: before it serves its first request
# (a worker restarted under load then never makes SMS wait); 0: the index on the first SMS.
match os.environ.get("ADUAN_WARM_RESOLVER", "1"):
    case "1":
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    case "sync":
        warm_up()
    case _:
        warm_up(build_resolver=False)
