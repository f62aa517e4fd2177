"""The "Related" block lists only the pages its reader may see."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction


def test_related_pages_the_reader_may_not_see_are_left_out(tree, add_news, staff_client):
    secret = add_news(title="Hemlig förhandling i Bryssel")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    open_news = add_news(title="Öppet möte i Bryssel")
    news = add_news(
        title="Nätverket om Bryssel",
        related=[("page", secret), ("page", open_news)],
    )
    html = staff_client.get(news.url).content.decode()
    assert "Öppet möte i Bryssel" in html
    assert "Hemlig förhandling" not in html and secret.url not in html
