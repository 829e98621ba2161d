"""A ledger key that is not ours is named by row, never a server error (issue 13, point 5)."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.progress import ledger


def _ledger(user):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("progress:ledger"), {"period": "2025-06-01"})
    return client, load_workbook(io.BytesIO(response.content))


@pytest.mark.parametrize("key", ["indicator:²", "indicator:٣", "indicator:99999999999999999999"])
def test_a_ledger_key_with_a_strange_number_is_an_unknown_item(world, key):
    client, workbook = _ledger(world.reporter_a)
    sheet = workbook.active
    sheet.cell(row=ledger.FIRST_ROW, column=ledger.KEY).value = key
    sheet.cell(row=ledger.FIRST_ROW, column=ledger.VALUE).value = 5
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "台账.xlsx"
    response = client.post(reverse("progress:ledger_upload"), {"file": data})
    assert response.status_code == 200
    assert f"第{ledger.FIRST_ROW}行" in response.content.decode()
    assert "未知事项" in response.content.decode()
