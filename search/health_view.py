"""GET /healthz for load balancers and monitoring: the database, the search engine and the
search update queue. 200 while the database answers (search degrades to it when the engine is
down); 503 when it does not."""

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .conf import search_setting
from .health import search_status

ERROR_KEYS = {"error", "last_error"}


@login_not_required
@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        database = {"status": "down", "error": str(error)}
        return JsonResponse(_for(request, {"status": "down", "database": database}), status=503)
    search = search_status()
    degraded = search["engine"]["status"] in ("unreachable", "red")
    status = {"status": "degraded" if degraded else "ok", "database": {"status": "ok"}, **search}
    return JsonResponse(_for(request, status))


def _for(request, status):
    """Error messages name hosts, ports and queries: for staff and monitoring only."""
    if (request.user.is_authenticated and request.user.is_staff) or _holds_token(request):
        return status
    return {
        key: {k: v for k, v in value.items() if k not in ERROR_KEYS}
        if isinstance(value, dict)
        else value
        for key, value in status.items()
    }


def _holds_token(request):
    token = search_setting("STRATEGY_SEARCH_HEALTH_TOKEN")
    sent = request.headers.get("Authorization", "").removeprefix("Bearer ")
    return bool(token) and constant_time_compare(sent, token)
