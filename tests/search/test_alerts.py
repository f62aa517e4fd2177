"""Email digests of followed searches, sent through a real SMTP server on 127.0.0.1: one email
per user, only what that user may see, nothing twice, daily or weekly, and a working
unsubscribe link."""

import datetime
import email
import email.policy
import re
import socket
from io import StringIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from search.models import SavedSearch

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FOLLOWED_AT = datetime.datetime(2026, 3, 2, 6, 0, tzinfo=STOCKHOLM)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


class Inbox:
    """What the SMTP server received, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted"

    def take(self):
        messages, self.messages = self.messages, []
        return messages


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(settings):
    received = Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield received
    controller.stop()


def at(moment):
    return time_machine.travel(moment, tick=False)


def send_alerts():
    call_command("send_search_alerts", stdout=StringIO())


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def follow(client, **params):
    response = client.post("/sok/bevaka/", params)
    assert response.status_code == 302
    return SavedSearch.objects.latest("pk")


def publish(page):
    page.refresh_from_db()
    page.save_revision().publish()
    return page


@pytest.fixture
def staff(people, client):
    people.staff.first_name = "Sara"
    people.staff.save()
    client.force_login(people.staff)
    return client


def test_a_daily_digest_lists_what_was_published_since_following(
    corpus, add_news, add_showcase, reindex, inbox, staff, people
):
    with at(FOLLOWED_AT - HOUR):
        publish(add_news(title="Publicerad innan bevakningen"))
    with at(FOLLOWED_AT):
        saved = follow(staff, type="networknews")
    with at(FOLLOWED_AT + 3 * HOUR):
        publish(add_news("sodermalm", title="Zanzibar besökte Södermalm", summary="Ett besök."))
        publish(add_showcase(title="Ett nytt projekt, inte en nyhet"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()

    [message] = inbox.take()
    assert message["To"] == "medarbetare@example.org"
    assert message["Subject"] == "Nytt i en sökning du bevakar"
    text, html = text_of(message), html_of(message)
    for body in (text, html):
        assert "Hej Sara" in body
        assert "Innehållstyp: Nyhet från nätverket" in body
        assert "Zanzibar besökte Södermalm" in body
        assert "http://localhost/nyheter/" in body
        assert "Publicerad innan" not in body
        assert "nytt projekt" not in body
        assert "Förskolechefer besökte Tallinn" not in body
    assert "Södermalms stadsdelsnämnd" in text
    assert "Ett besök." in text
    unsubscribe = f"http://localhost/sok/bevakningar/avsluta/{saved.unsubscribe_key}/"
    assert unsubscribe in text and unsubscribe in html
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_email_per_user_with_a_section_per_search(corpus, add_news, reindex, inbox, staff):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
        follow(staff, q="Zanzibar")
        follow(staff, committee="stockholmshem")
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar i nätverket"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()

    [message] = inbox.take()
    assert message["Subject"] == "Nytt i 2 sökningar du bevakar"
    text = text_of(message)
    assert text.count("Zanzibar i nätverket") == 2
    assert "Innehållstyp: Nyhet från nätverket" in text
    assert "“Zanzibar”" in text
    assert "Stockholmshem" not in text
    keys = re.search(
        r"<http://localhost/sok/bevakningar/avsluta/([^/]+)/>", message["List-Unsubscribe"]
    )
    assert len(keys.group(1).split(".")) == 2


@pytest.fixture
def coordinators_only(people, add_news):
    """A page only the coordinators' group may see, published after both users followed."""
    group = Group.objects.create(name="Samordnare i test")
    people.coordinator.groups.add(group)
    hidden = add_news(title="Zanzibar för samordnarna")
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return hidden


def test_a_digest_never_holds_a_page_its_reader_may_not_see(
    corpus, add_news, coordinators_only, reindex, inbox, client, people
):
    with at(FOLLOWED_AT):
        for user in (people.staff, people.coordinator):
            client.force_login(user)
            follow(client, q="Zanzibar")
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar för alla"))
        publish(coordinators_only)
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()

    digests = {message["To"]: text_of(message) for message in inbox.take()}
    assert set(digests) == {"medarbetare@example.org", "samordnare@example.org"}
    assert "Zanzibar för alla" in digests["medarbetare@example.org"]
    assert "samordnarna" not in digests["medarbetare@example.org"]
    assert "Zanzibar för samordnarna" in digests["samordnare@example.org"]


def test_nothing_is_sent_twice(corpus, add_news, reindex, inbox, staff):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
    with at(FOLLOWED_AT + HOUR):
        news = publish(add_news(title="Zanzibar en gång"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()
    assert len(inbox.take()) == 1
    with at(FOLLOWED_AT + DAY + 5 * HOUR):
        send_alerts()
    assert inbox.take() == []
    with at(FOLLOWED_AT + 2 * DAY):
        send_alerts()
    assert inbox.take() == [], "nothing changed since the last digest"

    with at(FOLLOWED_AT + 2 * DAY + HOUR):
        publish(news)
    reindex()
    with at(FOLLOWED_AT + 3 * DAY):
        send_alerts()
    [message] = inbox.take()
    assert "Zanzibar en gång (uppdaterad)" in text_of(message)


def test_a_weekly_search_waits_a_week_and_a_daily_one_a_day(
    corpus, add_news, reindex, inbox, staff, people
):
    with at(FOLLOWED_AT):
        weekly = follow(staff, type="networknews")
        response = staff.post(f"/sok/bevakningar/{weekly.pk}/frekvens/", {"frequency": "weekly"})
    assert response.status_code == 302
    assert SavedSearch.objects.get().frequency == "weekly"
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar veckans nyhet"))
    reindex()
    for days in range(1, 7):
        with at(FOLLOWED_AT + days * DAY):
            send_alerts()
        assert inbox.take() == [], f"a weekly digest after {days} days"
    with at(FOLLOWED_AT + 7 * DAY):
        send_alerts()
    [message] = inbox.take()
    assert "Zanzibar veckans nyhet" in text_of(message)

    with at(FOLLOWED_AT + 7 * DAY + HOUR):
        staff.logout()  # a session ends 12 hours after signing in
        staff.force_login(people.staff)
        staff.post(f"/sok/bevakningar/{weekly.pk}/frekvens/", {"frequency": "daily"})
    assert SavedSearch.objects.get().frequency == "daily"
    with at(FOLLOWED_AT + 7 * DAY + 2 * HOUR):
        publish(add_news(title="Zanzibar dagens nyhet"))
    reindex()
    with at(FOLLOWED_AT + 8 * DAY - 10 * 60 * datetime.timedelta(seconds=1)):
        send_alerts()
    [message] = inbox.take()
    assert "Zanzibar dagens nyhet" in text_of(message)
    assert "veckans" not in text_of(message)


def test_the_unsubscribe_link_stops_the_search_without_a_login(
    corpus, add_news, reindex, inbox, staff, client
):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
        kept = follow(staff, q="Zanzibar")
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar i nätverket"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()
    [message] = inbox.take()
    link = re.search(r"Sluta bevaka sökningen: (\S+)", text_of(message)).group(1)
    path = urlsplit(link).path
    assert kept.unsubscribe_key not in path

    client.logout()
    confirm = client.get(path)
    assert confirm.status_code == 200
    assert "Innehållstyp: Nyhet från nätverket" in confirm.content.decode()
    assert SavedSearch.objects.count() == 2, "a GET (a mail scanner's) stops nothing"
    assert client.post(path).status_code == 200
    assert list(SavedSearch.objects.all()) == [kept]
    assert client.get(path).status_code == 410


def test_the_one_click_unsubscribe_stops_every_search_of_the_email(
    corpus, add_news, reindex, inbox, staff, client
):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
        follow(staff, q="Zanzibar")
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar i nätverket"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()
    [message] = inbox.take()
    header_url = message["List-Unsubscribe"].strip().strip("<>")

    client.logout()
    response = client.post(
        urlsplit(header_url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not SavedSearch.objects.exists()


def test_a_failed_send_keeps_the_news_for_the_next_run(
    corpus, add_news, reindex, inbox, staff, settings
):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar trots allt"))
    reindex()
    good_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()
    with at(FOLLOWED_AT + DAY), pytest.raises(CommandError):
        send_alerts()
    assert SavedSearch.objects.get().last_sent_at == FOLLOWED_AT
    settings.EMAIL_PORT = good_port
    with at(FOLLOWED_AT + DAY + HOUR):
        send_alerts()
    [message] = inbox.take()
    assert "Zanzibar trots allt" in text_of(message)


def test_users_without_an_address_or_no_longer_active_get_nothing(
    corpus, add_news, reindex, inbox, staff, people
):
    with at(FOLLOWED_AT):
        follow(staff, type="networknews")
    people.staff.email = ""
    people.staff.save()
    with at(FOLLOWED_AT + HOUR):
        publish(add_news(title="Zanzibar till ingen"))
    reindex()
    with at(FOLLOWED_AT + DAY):
        send_alerts()
    people.staff.email, people.staff.is_active = "medarbetare@example.org", False
    people.staff.save()
    with at(FOLLOWED_AT + 2 * DAY):
        send_alerts()
    assert inbox.take() == []
