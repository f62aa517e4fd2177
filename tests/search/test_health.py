"""Operators see the engine and the update queue: /healthz for load balancers, a panel in the
admin for people."""

import pytest

from search.models import PendingIndexUpdate
from search.updates import record_updates


def test_healthz_answers_without_login_when_search_uses_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok"}
    assert body["engine"] == {"status": "unconfigured"}
    assert body["queue"]["depth"] == 0


@pytest.mark.search_engine
def test_healthz_reports_the_engine_and_the_queue(client, tree, search_engine):
    from search.indexing import rebuild

    report = rebuild()
    record_updates([tree.home.pk])
    body = client.get("/healthz").json()
    assert body["engine"]["status"] in ("green", "yellow")
    assert body["engine"]["index"] == report.index
    assert body["queue"]["depth"] == 1
    assert body["queue"]["oldest_pending_seconds"] >= 0


def test_healthz_says_degraded_when_the_engine_is_down(client, db, settings):
    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["engine"]["status"] == "unreachable"


def test_the_admin_dashboard_shows_the_queue_to_editors(log_in_editor, db, settings):
    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"
    client = log_in_editor("add_searchpromotion")
    PendingIndexUpdate.objects.create(
        page_id=42, requested_at="2026-01-01T00:00Z", next_attempt_at="2026-01-01T00:00Z"
    )
    html = client.get("/admin/").content.decode()
    assert "Sökindex" in html
    assert "Svarar inte." in html
    assert "Väntande ändringar</dt>" in html and "<dd>1, den äldsta väntar sedan" in html


def test_healthz_shows_error_details_to_staff_only(client, db, settings, django_user_model):
    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"
    anonymous = client.get("/healthz").json()
    assert anonymous["engine"]["status"] == "unreachable"
    assert "error" not in anonymous["engine"]
    staff = django_user_model.objects.create_user("drift", password="x", is_staff=True)
    client.force_login(staff)
    assert "Connection" in client.get("/healthz").json()["engine"]["error"]


def test_healthz_shows_error_details_to_monitoring_with_the_token(client, db, settings):
    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"
    settings.STRATEGY_SEARCH_HEALTH_TOKEN = "s3cret-monitoring-token"
    wrong = client.get("/healthz", headers={"Authorization": "Bearer guess"}).json()
    assert "error" not in wrong["engine"]
    right = client.get("/healthz", headers={"Authorization": "Bearer s3cret-monitoring-token"})
    assert "Connection" in right.json()["engine"]["error"]


def test_healthz_token_is_off_when_unset(client, db, settings):
    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"
    assert (
        "error" not in client.get("/healthz", headers={"Authorization": "Bearer "}).json()["engine"]
    )


def test_the_dashboard_keeps_a_healthy_index_from_editors_but_not_from_administrators(
    log_in_editor, admin_client, db, settings
):
    settings.STRATEGY_SEARCH_URL = ""
    editor = log_in_editor("add_searchpromotion")
    assert "Sökindex" not in editor.get("/admin/").content.decode()
    html = admin_client.get("/admin/").content.decode()
    assert "Sökindex" in html
    assert "Ingen sökmotor" in html
