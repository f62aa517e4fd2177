"""When a project has ended, its committee's editors are asked once for its results, lessons
learned and transferability, reminded on their dashboard, and the coordinators see a report."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Revision, Site

from strategy_pages.follow_up import outcomes
from strategy_pages.models import ProjectShowcasePage

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
END = datetime.date(2024, 6, 28)
FULL_OUTCOME = {
    "results": "<p>Tre förskolor arbetar nu med utomhuspedagogik.</p>",
    "lessons_learned": "<p>Besöken behöver förberedas med tolk.</p>",
    "transferability": "<p>Går att göra i alla stadsdelar med Erasmus+-medel.</p>",
}
REPORT_URL = reverse("strategy_outcomes:report")


def at(day, hour=7):
    """A daily run at `hour` o'clock Stockholm time."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), STOCKHOLM))


def run():
    call_command("request_showcase_outcomes", stdout=open("/dev/null", "w"))  # noqa: SIM115


def asked(page):
    return ProjectShowcasePage.objects.get(pk=page.pk).outcome_requested_at


def row_of(title, page):
    return re.search(rf"<tr[^>]*>((?:(?!</tr>).)*{title}.*?)</tr>", page, re.DOTALL).group(1)


def label(field):
    with translation.override("sv"):
        return str(ProjectShowcasePage._meta.get_field(field).verbose_name)


@pytest.fixture
def ended(add_showcase, people):
    return add_showcase(title="Kompetensutbyte inom förskolan", end_date=END, status="completed")


def test_editors_are_asked_the_day_after_the_end_not_on_it(ended, people, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://intranat.example.org"
    with at(END, hour=23):
        run()
    assert not mail.outbox
    with at(END + datetime.timedelta(days=1), hour=0):
        run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people.hl_editor.email]
    assert "Kompetensutbyte inom förskolan" in message.subject
    assert f"https://intranat.example.org/admin/pages/{ended.pk}/edit/" in message.body
    assert "28 juni 2024" in message.body


def test_the_email_asks_the_three_urbact_questions(ended, people):
    with at(END + datetime.timedelta(days=3)):
        run()
    body = mail.outbox[0].body
    with translation.override("sv"):
        for field in ("results", "lessons_learned", "transferability"):
            assert str(ProjectShowcasePage._meta.get_field(field).help_text) in body


def test_editors_are_asked_once(ended, people):
    with at(END + datetime.timedelta(days=1)):
        run()
    with at(END + datetime.timedelta(days=2)):
        run()
    with at(END + datetime.timedelta(days=30)):
        run()
    assert len(mail.outbox) == 1


def test_publishing_an_older_draft_does_not_ask_again(ended, people):
    draft = ended.save_revision(user=people.hl_editor)
    with at(END + datetime.timedelta(days=1)):
        run()
    Revision.objects.get(pk=draft.pk).publish()
    with at(END + datetime.timedelta(days=2)):
        run()
    assert len(mail.outbox) == 1
    assert asked(ended) is not None


def test_complete_outcomes_and_drafts_are_not_asked_for(add_showcase, people):
    add_showcase(title="Klart och beskrivet", end_date=END, **FULL_OUTCOME)
    add_showcase(title="Utkast som tagit slut", end_date=END, live=False)
    add_showcase(title="Pågår fortfarande", end_date=END + datetime.timedelta(days=60))
    with at(END + datetime.timedelta(days=1)):
        run()
    assert not mail.outbox


def test_a_partial_outcome_is_still_asked_for(add_showcase, people):
    add_showcase(title="Bara resultat", end_date=END, results=FULL_OUTCOME["results"])
    with at(END + datetime.timedelta(days=1)):
        run()
    assert len(mail.outbox) == 1


def test_without_editors_the_contact_person_is_asked(add_showcase, people):
    add_showcase("stockholmshem", end_date=END, contact_email="kontakt@stockholmshem.example.org")
    with at(END + datetime.timedelta(days=1)):
        run()
    assert mail.outbox[0].to == ["kontakt@stockholmshem.example.org"]


def test_a_failed_email_is_tried_again_the_next_day(ended, people, add_showcase, monkeypatch):
    other = add_showcase("sodermalm", title="Äldreomsorg med Köpenhamn", end_date=END)
    sent = []

    def send(message, fail_silently=False):
        if "Kompetensutbyte" in message.subject:
            raise ConnectionRefusedError("SMTP server down")
        sent.append(message)
        return 1

    monkeypatch.setattr("django.core.mail.EmailMessage.send", send)
    with at(END + datetime.timedelta(days=1)), pytest.raises(CommandError):
        run()
    assert [m.to for m in sent] == [[people.sodermalm_editor.email]]
    assert asked(ended) is None
    assert asked(other) is not None

    monkeypatch.undo()
    with at(END + datetime.timedelta(days=2)):
        run()
    assert len(mail.outbox) == 1
    assert "Kompetensutbyte inom förskolan" in mail.outbox[0].subject
    assert asked(ended) is not None


def test_the_dashboard_reminds_the_committees_editors(client, ended, people):
    with at(END + datetime.timedelta(days=1)):
        client.force_login(people.hl_editor)
        page = client.get("/admin/").content.decode()
        assert "Kompetensutbyte inom förskolan" in page
        assert reverse("wagtailadmin_pages:edit", args=[ended.pk]) in page

        client.force_login(people.sodermalm_editor)
        assert "Kompetensutbyte inom förskolan" not in client.get("/admin/").content.decode()


def test_the_dashboard_says_nothing_before_the_end(client, ended, people):
    with at(END):
        client.force_login(people.hl_editor)
        assert "showcase-outcomes-heading" not in client.get("/admin/").content.decode()


def test_the_report_refuses_staff_and_committee_editors(client, ended, people, settings):
    client.force_login(people.staff)
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))
    client.force_login(people.hl_editor)
    response = client.get(REPORT_URL)
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_the_report_lists_ended_projects_without_outcome(client, add_showcase, ended, people):
    add_showcase(title="Klart och beskrivet", end_date=END, **FULL_OUTCOME)
    add_showcase(
        "sodermalm",
        title="Äldreomsorg med Köpenhamn",
        end_date=END,
        **{"results": FULL_OUTCOME["results"]},
    )
    add_showcase("stockholmshem", title="Bostadsbolag i Wien", end_date=END)
    client.force_login(people.coordinator)
    with at(END + datetime.timedelta(days=10)):
        page = client.get(REPORT_URL).content.decode()
        by_kind = client.get(REPORT_URL, {"committee_kind": "company"}).content.decode()
    assert "Kompetensutbyte inom förskolan" in page
    assert "Äldreomsorg med Köpenhamn" in page
    assert "Klart och beskrivet" not in page
    missing = row_of("Äldreomsorg med Köpenhamn", page).split("</td>")[-2]
    assert label("lessons_learned") in missing
    assert label("transferability") in missing
    assert label("results") not in missing
    assert "Bostadsbolag i Wien" in by_kind
    assert "Kompetensutbyte inom förskolan" not in by_kind


@pytest.mark.parametrize("emptied", ["<p><br/></p>", "<p> </p>", "<p>\xa0</p>"])
def test_an_emptied_outcome_is_still_asked_for_and_not_shown(add_showcase, people, client, emptied):
    page = add_showcase(title="Tömt resultat", end_date=END, **{**FULL_OUTCOME, "results": emptied})
    client.force_login(people.staff)
    assert "results-heading" not in client.get(page.url).content.decode()
    with at(END + datetime.timedelta(days=1)):
        run()
        client.force_login(people.hl_editor)
        assert "Tömt resultat" in client.get("/admin/").content.decode()
    assert len(mail.outbox) == 1


def test_the_subject_shows_the_title_as_written(add_showcase, people):
    add_showcase(title="R&D med Helsingfors", end_date=END)
    with at(END + datetime.timedelta(days=1)):
        run()
    assert mail.outbox[0].subject == "Vad gav ”R&D med Helsingfors”?"


def test_without_an_admin_address_the_link_goes_to_the_default_site(ended, people, settings):
    del settings.WAGTAILADMIN_BASE_URL
    Site.objects.filter(is_default_site=True).update(hostname="intranat.example.org", port=443)
    with at(END + datetime.timedelta(days=1)):
        run()
    assert f"https://intranat.example.org/admin/pages/{ended.pk}/edit/" in mail.outbox[0].body


def test_without_any_address_the_command_says_what_to_set(ended, people, settings):
    del settings.WAGTAILADMIN_BASE_URL
    Site.objects.update(is_default_site=False)
    with at(END + datetime.timedelta(days=1)), pytest.raises(CommandError) as error:
        run()
    assert "WAGTAILADMIN_BASE_URL" in str(error.value)
    assert not mail.outbox
    assert asked(ended) is None


def test_two_runs_at_once_send_one_email(ended, people, monkeypatch):
    recipients_of = outcomes.outcome_recipients
    other_run_started = []

    def while_another_run_asks(page):
        # The other run lists the same project, then asks before this run does.
        if not other_run_started:
            other_run_started.append(True)
            outcomes.request_outcomes()
        return recipients_of(page)

    monkeypatch.setattr(outcomes, "outcome_recipients", while_another_run_asks)
    with at(END + datetime.timedelta(days=1)):
        run()
    assert len(mail.outbox) == 1
