"""Errors speak Swedish inside the intranet's own frame, with a way on."""

from django.template.loader import render_to_string
from django.test import Client


def test_a_missing_page_offers_search_and_the_start_page(staff_client, tree):
    response = staff_client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html
    assert 'role="search"' in html
    assert 'class="site-header' in html


def test_a_stale_login_form_says_what_happened_and_leads_back(tree):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/logga-in/",
        {"username": "medarbetare", "password": "x"},
        headers={"Referer": "http://testserver/logga-in/?next=/projekt/"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formuläret hade gått ut" in html
    assert 'href="http://testserver/logga-in/?next=/projekt/"' in html
    assert "DEBUG" not in html


def test_a_foreign_referer_is_not_offered_as_the_way_back(tree):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/logga-in/", {}, headers={"Referer": "https://evil.example/x"})
    assert "evil.example" not in response.content.decode()


def test_the_server_error_page_needs_no_request_and_speaks_swedish():
    html = render_to_string("500.html")
    assert "Något gick fel" in html
