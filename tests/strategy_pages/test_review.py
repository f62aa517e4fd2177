"""A committee's showcase goes to the coordinators before it is published, and everyone hears
about it: the editor who asked, the coordinators who decide."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(add_showcase, people):
    """A draft showcase of Hägersten-Liljeholmen, submitted for review by its editor."""
    page = add_showcase(title="Ungdomsutbyte med Tallinn", live=False)
    page.save_revision(user=people.hl_editor)
    page.get_workflow().start(page, people.hl_editor)
    page.refresh_from_db()
    return page


def act(client, page, action, comment=""):
    task_state = page.current_workflow_state.current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        {"comment": comment},
    )


def test_submitting_tells_the_coordinators_by_email(submitted, people):
    coordinator_mail = [m for m in mail.outbox if people.coordinator.email in m.to]
    assert len(coordinator_mail) == 1
    assert "Ungdomsutbyte med Tallinn" in coordinator_mail[0].subject
    assert not [m for m in mail.outbox if people.network_editor.email in m.to]


def test_the_coordinators_dashboard_lists_what_awaits_review(client, submitted, people):
    client.force_login(people.coordinator)
    assert "Ungdomsutbyte med Tallinn" in client.get("/admin/").content.decode()
    client.force_login(people.network_editor)
    assert "Ungdomsutbyte med Tallinn" not in client.get("/admin/").content.decode()


def test_another_committees_editor_cannot_approve(client, submitted, people):
    client.force_login(people.sodermalm_editor)
    act(client, submitted, "approve")
    submitted.refresh_from_db()
    assert not submitted.live


def test_approval_publishes_and_tells_the_editor(client, submitted, people):
    mail.outbox.clear()
    client.force_login(people.coordinator)
    act(client, submitted, "approve", comment="Bra beskrivning.")
    submitted.refresh_from_db()
    assert submitted.live
    to_editor = [m for m in mail.outbox if people.hl_editor.email in m.to]
    assert len(to_editor) == 1
    assert "Ungdomsutbyte med Tallinn" in to_editor[0].subject


def test_a_request_for_changes_keeps_the_page_unpublished_and_sends_the_comment(
    client, submitted, people
):
    mail.outbox.clear()
    client.force_login(people.coordinator)
    act(client, submitted, "reject", comment="Lägg till partnerorganisationerna.")
    submitted.refresh_from_db()
    assert not submitted.live
    to_editor = [m for m in mail.outbox if people.hl_editor.email in m.to]
    assert len(to_editor) == 1
    assert "Lägg till partnerorganisationerna." in to_editor[0].body


def test_the_history_shows_who_did_what(client, submitted, people):
    client.force_login(people.coordinator)
    act(client, submitted, "approve")
    entries = {
        (entry.action, entry.user_id) for entry in PageLogEntry.objects.filter(page=submitted)
    }
    assert ("wagtail.workflow.start", people.hl_editor.pk) in entries
    assert ("wagtail.workflow.approve", people.coordinator.pk) in entries
    assert ("wagtail.publish", people.coordinator.pk) in entries


def test_an_approved_page_with_a_later_start_goes_live_on_its_day(client, add_showcase, people):
    page = add_showcase(title="Vänortsvecka", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision(user=people.hl_editor)
    page.get_workflow().start(page, people.hl_editor)
    page.refresh_from_db()

    client.force_login(people.coordinator)
    act(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    with time_machine.travel(page.go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_a_page_past_its_expiry_is_taken_down(add_showcase):
    page = add_showcase(title="Tidsbegränsat upprop")
    page.expire_at = timezone.now() + datetime.timedelta(days=1)
    page.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    with time_machine.travel(page.expire_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired
