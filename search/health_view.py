"""GET /healthz for load balancers and monitoring: the database, the search engine and the
search update queue. 200 while the database answers (search degrades to it when the engine is
down); 503 when it does not."""

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import search_status


@login_not_required
@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return JsonResponse(
            {"status": "down", "database": {"status": "down", "error": str(error)}}, status=503
        )
    search = search_status()
    degraded = search["engine"]["status"] in ("unreachable", "red")
    return JsonResponse(
        {"status": "degraded" if degraded else "ok", "database": {"status": "ok"}, **search}
    )
