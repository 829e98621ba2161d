from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def loaded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[Any]:
    """The whole demo, loaded once for a module (it takes seconds) and emptied after it."""
    from django.test import override_settings

    from minsheng.demo import builders
    from minsheng.plans.vocabulary import ensure_default_domains

    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        counts = builders.load()
        yield counts
        call_command("flush", interactive=False, verbosity=0)
        ensure_default_domains()
