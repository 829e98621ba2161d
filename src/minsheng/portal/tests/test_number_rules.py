from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minsheng.portal.templatetags.portal import bar_width, web_link

percents = st.decimals(min_value=-1000, max_value=100000, places=1, allow_nan=False)


@given(percents)
def test_a_progress_bar_is_never_wider_than_its_track(percent):
    assert Decimal(0) <= Decimal(bar_width(percent)) <= Decimal(100)


@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))
def test_a_progress_bar_shows_a_percent_within_the_track_as_it_is(percent):
    assert Decimal(bar_width(percent)) == percent


def test_a_progress_bar_without_a_figure_is_empty():
    assert bar_width(None) == "0"


@given(st.text())
def test_only_web_addresses_become_links(url):
    assert web_link(url) in ("", url)
    assert not web_link(url).lower().startswith(("javascript:", "data:"))
