"""Every follow-up view in the admin is for coordinators only: each other role, logged in or
not, is turned away and sees none of the data; the front-end follow-up is for all staff."""

import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from strategy_pages.models import StudyVisit
from tests import factories

ADMIN_VIEWS = [
    ("strategy_matrix:matrix", {}),
    ("strategy_outcomes:report", {}),
    ("strategy_network:report", {}),
    ("strategy_exports:showcases", {}),
    ("strategy_exports:showcases", {"export": "csv"}),
    ("strategy_exports:visits", {"export": "xlsx"}),
    ("wagtailsnippets_strategy_pages_studyvisit:list", {}),
    ("wagtailsnippets_strategy_pages_studyvisit:add", {}),
]
TURNED_AWAY = ["anonymous", "staff", "network_editor", "hl_editor", "sodermalm_editor"]
SECRET = "Delegationen från Atlantis"


@pytest.fixture
def visit(tree):
    return StudyVisit.objects.create(
        committee=tree.committees["sodermalm"],
        organisation=SECRET,
        start_date=datetime.date(2026, 12, 8),
    )


def log_in(client, people, role):
    if role != "anonymous":
        client.force_login(getattr(people, role))
    return client


@pytest.mark.parametrize(("name", "params"), ADMIN_VIEWS)
@pytest.mark.parametrize("role", TURNED_AWAY)
def test_other_roles_are_turned_away_from_the_follow_up_admin(
    client, people, visit, role, name, params
):
    response = log_in(client, people, role).get(reverse(name), params)
    assert response.status_code in (302, 403)
    assert SECRET not in response.content.decode(errors="replace")
    assert "csv" not in response.get("Content-Type", "")
    assert "spreadsheet" not in response.get("Content-Type", "")


@pytest.mark.parametrize(("name", "params"), ADMIN_VIEWS)
def test_coordinators_use_the_follow_up_admin(client, people, visit, name, params):
    response = log_in(client, people, "coordinator").get(reverse(name), params)
    assert response.status_code == 200


def test_coordinators_see_the_visits_in_the_register_and_the_export(client, people, visit):
    log_in(client, people, "coordinator")
    register = client.get(reverse("wagtailsnippets_strategy_pages_studyvisit:list"))
    export = client.get(reverse("strategy_exports:visits"), {"export": "csv"})
    assert SECRET in register.content.decode()
    assert SECRET in b"".join(export.streaming_content).decode()


@pytest.mark.parametrize("role", ["staff", "hl_editor", "coordinator"])
def test_every_logged_in_role_sees_the_follow_up_page(client, people, tree, role):
    follow_up = factories.FollowUpPageFactory(parent=tree.strategy)
    response = log_in(client, people, role).get(follow_up.url)
    assert response.status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_for_the_follow_up_page(client, tree):
    follow_up = factories.FollowUpPageFactory(parent=tree.strategy)
    response = client.get(follow_up.url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
