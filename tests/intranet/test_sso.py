"""Single sign-on is off without a client id, and refuses to start half configured. The login
itself, against a real provider, is tested in tests/browser/test_single_sign_on.py."""

import os
import subprocess
import sys

import pytest


@pytest.mark.django_db
def test_without_a_client_id_there_is_no_single_sign_on(client):
    assert "Logga in med stadens konto" not in client.get("/logga-in/").content.decode()
    # No view: anonymous visitors of an unknown address go to the login page (site policy).
    assert client.get("/oidc/authenticate/")["Location"].startswith("/logga-in/")


def test_single_sign_on_refuses_to_start_without_its_endpoints():
    code = "import django; django.setup()"
    environment = {**os.environ, "OIDC_RP_CLIENT_ID": "intranet", "OIDC_RP_CLIENT_SECRET": "x"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "OIDC_OP_AUTHORIZATION_ENDPOINT" in result.stderr
