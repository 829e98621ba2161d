"""Every demo account walks the site from its home page, following the links its pages show.

A link a page offers must open: no error page (500), no "no such page" (404) and no "not for
you" (403) behind a link the page itself drew. Downloads and sign-out are left to their own
tests; the walk reads pages.
"""

import re
from collections import deque

import pytest
from django.test import Client

from minsheng.accounts.models import User

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#]*)')
# Files and actions rather than pages: each has its own tests.
SKIPPED = re.compile(
    r"^/(static|media|admin|accounts/logout|i18n)/|\.(pdf|docx|xlsx|csv|json|png|md)(\?|$)"
    r"|/(download|export|evidence|files?)/|[?&]format="
)
PAGES_PER_ACCOUNT = 60


def _walk(client: Client) -> dict[str, int]:
    """Breadth first from /, at most PAGES_PER_ACCOUNT pages: each address with its status."""
    seen: dict[str, int] = {}
    queue = deque(["/"])
    while queue and len(seen) < PAGES_PER_ACCOUNT:
        url = queue.popleft().replace("&amp;", "&")
        if url in seen or SKIPPED.search(url):
            continue
        response = client.get(url, follow=True)
        seen[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(HREF.findall(response.content.decode()))
    return seen


def _broken(seen: dict[str, int]) -> dict[str, int]:
    return {url: status for url, status in seen.items() if status != 200}


def test_the_public_walks_the_demo_without_a_broken_link(loaded):
    walked = _walk(Client())
    assert (len(walked) >= 20, _broken(walked)) == (True, {})


@pytest.mark.parametrize(
    "username",
    [
        "demo-office",
        "demo-supervisor",
        "demo-auditor",
        "demo-transport",
        "demo-pingdu",
        "demo-deputy",
        "demo-expert",
        "demo-resident",
        "demo-province",
    ],
)
def test_a_demo_account_walks_its_pages_without_a_broken_link(loaded, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    walked = _walk(client)
    # A walk that stops at the home page would pass for the wrong reason.
    assert (len(walked) >= 10, _broken(walked)) == (True, {})
