"""The login and password reset forms answer any input with a page or a refusal, never a server
error."""

from urllib.parse import quote

from django.utils.http import urlsafe_base64_encode
from hypothesis import example, given
from hypothesis import strategies as st

from tests.hostile_input import fuzz, path_segments, query_strings, values

FORM = "application/x-www-form-urlencoded"
LOGIN_FIELDS = ["username", "password", "next", "csrfmiddlewaretoken"]


@fuzz
@given(username=values, password=values, next_url=values)
@example(username="medarbetare\x00", password="x", next_url="/")
@example(username="medarbetare", password="\x00", next_url="//evil.example.org/")
@example(username="a" * 10_000, password="b" * 10_000, next_url="javascript:alert(1)")
def test_the_login_forms_answer_any_input(client, staff_user, tree, username, password, next_url):
    data = {"username": username, "password": password, "next": next_url}
    for login_page in ("/logga-in/", "/admin/login/"):
        response = client.post(login_page, data)
        assert response.status_code in (200, 302, 403, 429), (login_page, data)
        if response.status_code == 302:
            location = response["Location"]
            assert not location.startswith(("//", "http", "javascript")), (login_page, data)


@fuzz
@given(body=query_strings(LOGIN_FIELDS), query_string=query_strings(["next"]))
@example(body="&".join(["username=a"] * 1001), query_string="")
@example(body="username=%ff%fe&password=%00", query_string="next=%00")
def test_the_login_page_answers_any_request(client, tree, body, query_string):
    assert client.get("/logga-in/", QUERY_STRING=query_string).status_code in (200, 400)
    response = client.post("/logga-in/", body, content_type=FORM, QUERY_STRING=query_string)
    assert response.status_code in (200, 400, 403, 429), (body, query_string)


@fuzz
@given(email=values | st.emails(), body=query_strings(["email"]))
@example(email="medarbetare@example.org\x00", body="email=%00")
@example(email="x" * 10_000 + "@example.org", body="")
def test_the_password_reset_form_answers_any_input(client, staff_user, email, body):
    response = client.post("/losenord/glomt/", {"email": email})
    assert response.status_code in (200, 302), email
    response = client.post("/losenord/glomt/", body, content_type=FORM)
    assert response.status_code in (200, 302, 400), body


uidb64s = st.one_of(
    st.binary(max_size=40).map(urlsafe_base64_encode),
    st.integers().map(lambda n: urlsafe_base64_encode(str(n).encode())),
    values.map(lambda v: quote(v, safe="")),
)


@fuzz
@given(uidb64=uidb64s, token=path_segments())
@example(uidb64=urlsafe_base64_encode(str(2**70).encode()), token="set-password")
@example(uidb64=urlsafe_base64_encode(b"\x00"), token="abc-def")
@example(uidb64="", token="%00")
def test_the_password_reset_link_answers_any_address(client, staff_user, uidb64, token):
    response = client.get(f"/losenord/nytt/{uidb64}/{token}/")
    # 400: the way to the login page of an address too long for a redirect.
    assert response.status_code in (200, 302, 400), (uidb64, token)
