"""The strategy's follow-up page: the traceability matrix of committees, orientations,
sustainability dimensions and themes, below the strategy."""

from strategy_pages.models import FollowUpPage, StrategyPage

SLUG = "uppfoljning"


def ensure(home, committees, sections):
    from .site import ensure_child  # noqa: PLC0415 - the site module imports this one

    parent = StrategyPage.objects.first() or home
    return ensure_child(
        parent,
        FollowUpPage,
        SLUG,
        title="Uppföljning av strategin",
        show_in_menus=True,
        summary="Vilka nämnder och bolag som arbetar med strategins inriktningar, och hur långt de har kommit.",
        intro=(
            "Matrisen visar hur nämndernas och bolagens initiativ fördelar sig på strategins "
            "fyra inriktningar, budgetens hållbarhetsdimensioner och de gemensamma temana. "
            "Tomma rutor visar var inget initiativ finns ännu. Välj en siffra för att se "
            "initiativen i sökningen."
        ),
    )
