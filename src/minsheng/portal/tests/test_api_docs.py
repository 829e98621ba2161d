"""/api/ says where the documentation is; /api/docs is django-ninja's bundled Swagger UI."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_root_links_the_docs_and_the_openapi_file(client):
    body = client.get("/api/").json()
    assert (body["docs"], body["openapi"]) == ("/api/docs", "/api/openapi.json")


def test_the_api_root_speaks_chinese_and_english(client):
    message = client.get("/api/").json()["message"]
    assert "接口文档" in message and "API documentation" in message


def test_the_docs_page_loads_swagger_from_our_own_static_files(client):
    text = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in text


def test_the_docs_page_names_no_outside_address(client):
    text = client.get("/api/docs").content.decode()
    assert re.findall(r"""(?:src|href)=["']https?://""", text) == []


def test_the_docs_page_allows_scripts_from_this_site_only(client):
    policy = client.get("/api/docs")["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "default-src 'none'" in policy


def test_the_openapi_file_the_docs_read_is_served(client):
    assert client.get("/api/openapi.json").json()["info"]["title"] == "Minsheng open data"
