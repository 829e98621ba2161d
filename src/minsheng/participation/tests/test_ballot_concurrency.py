"""Two requests casting the same deputy's ballot at the same moment: one counts, one is
refused. Needs a database with real concurrent connections (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from minsheng.core.i18n import UserFacingError
from minsheng.participation import services
from minsheng.participation.models import BallotPaper
from minsheng.participation.tests.builders import open_ballot

pytestmark = [
    pytest.mark.django_db(transaction=True),
]


def test_two_simultaneous_ballots_from_one_deputy_count_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; this needs concurrent connections")
    ballot, (a, b, *_), roll, _office = open_ballot()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def cast(choice):
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            services.ballot_cast(actor=roll[0], ballot=ballot, choices=[choice.pk])
            outcomes.append("cast")
        except UserFacingError:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=cast, args=(c,)) for c in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["cast", "refused"]
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
