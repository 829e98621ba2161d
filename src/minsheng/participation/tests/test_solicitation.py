"""Solicitation: suggestions, similar ones, supports, moderation, contacts, rate limits."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation import selectors, services
from minsheng.participation.models import (
    SuggestionContact,
    SuggestionState,
    Support,
    mask_name,
    mask_phone,
)
from minsheng.participation.tests.builders import make_window, office
from minsheng.plans.models import Domain

pytestmark = pytest.mark.django_db


def submit(window, text="建议在小区附近增加公共停车位，方便居民停车", client="ip:1", **extra):
    extra.setdefault("domain", Domain.objects.get(name="交通出行"))
    return services.suggestion_submit(window=window, text=text, client=client, **extra)


def published(window, text, **extra):
    suggestion = submit(window, text, **extra)
    return services.suggestion_moderate(
        actor=office(suggestion), suggestion=suggestion, publish=True
    )


def test_a_new_suggestion_waits_for_moderation():
    suggestion = submit(make_window())
    assert suggestion.state == SuggestionState.PENDING


def test_a_closed_window_takes_no_suggestions():
    window = make_window(opens_on=date(2025, 1, 1), closes_on=date(2025, 1, 31))
    with pytest.raises(UserFacingError, match="not open"):
        submit(window)


def test_a_domain_outside_the_window_is_refused_in_both_languages():
    with pytest.raises(UserFacingError) as error:
        submit(make_window(), domain=Domain.objects.get(name="教育"))
    assert "教育" in error.value.messages[0] and " / " in error.value.messages[0]


def test_a_too_short_suggestion_is_refused():
    with pytest.raises(UserFacingError, match="at least 10"):
        submit(make_window(), text="停车")


def test_a_phone_number_in_the_text_flags_the_suggestion_for_the_office():
    suggestion = submit(make_window(), text="我家门口路灯坏了，请联系我13812345678处理")
    assert suggestion.flagged


def test_contact_details_are_stored_apart_from_the_suggestion():
    suggestion = submit(make_window(), contact_name="张三丰", contact_phone="13812345678")
    contact = SuggestionContact.objects.get(suggestion=suggestion)
    assert contact.phone == "13812345678"
    assert "138" not in suggestion.text


def test_contact_details_are_masked():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张三丰") == "张**"


def test_the_author_can_delete_their_contact_details_and_the_trail_keeps_only_masks():
    suggestion = submit(make_window(), contact_phone="13812345678", author_key="p:abc")
    from django.contrib.auth.models import AnonymousUser

    services.contact_delete(actor=AnonymousUser(), suggestion=suggestion, owner_keys=["p:abc"])
    assert not SuggestionContact.objects.filter(suggestion=suggestion).exists()
    record = AuditRecord.objects.get(action="suggestion.contact_delete")
    assert record.before == {"name": "", "phone": "138****5678"}


def test_a_stranger_cannot_delete_someone_elses_contact_details():
    suggestion = submit(make_window(), contact_phone="13812345678", author_key="p:abc")
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.contact_delete(actor=AnonymousUser(), suggestion=suggestion, owner_keys=["p:xyz"])


def test_similar_published_suggestions_are_found_while_typing():
    window = make_window()
    published(window, "建议在小区附近增加公共停车位")
    published(window, "希望延长学校课后托管服务时间", domain=Domain.objects.get(name="就业"))
    matches = selectors.similar_suggestions(window, "小区附近停车位太少，建议增加")
    assert [m.item.text for m in matches] == ["建议在小区附近增加公共停车位"]


def test_pending_suggestions_are_not_offered_as_similar():
    window = make_window()
    submit(window, "建议在小区附近增加公共停车位")
    assert selectors.similar_suggestions(window, "建议在小区附近增加公共停车位") == []


def test_a_person_supports_a_suggestion_only_once():
    suggestion = published(make_window(), "建议在小区附近增加公共停车位")
    services.suggestion_support(suggestion=suggestion, supporter_key="p:1", client="ip:1")
    with pytest.raises(UserFacingError, match="already supported"):
        services.suggestion_support(suggestion=suggestion, supporter_key="p:1", client="ip:1")
    assert Support.objects.filter(suggestion=suggestion).count() == 1


def test_an_unpublished_suggestion_cannot_be_supported():
    suggestion = submit(make_window())
    with pytest.raises(UserFacingError, match="published"):
        services.suggestion_support(suggestion=suggestion, supporter_key="p:1", client="ip:1")


def test_submissions_are_rate_limited_per_client_in_the_cache():
    window = make_window()
    for n in range(5):
        submit(window, f"建议增加公共停车位第{n}处地点", client="ip:9")
    with pytest.raises(UserFacingError, match="Too many"):
        submit(window, "建议增加公共停车位第六处地点", client="ip:9")
    submit(window, "另一个地址的居民建议增加停车位", client="ip:10")


def test_supports_are_rate_limited(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "support": (2, 60)}
    window = make_window()
    suggestions = [
        published(window, f"建议增加公共停车位第{n}处地点", client=f"ip:{n}") for n in range(3)
    ]
    for n, suggestion in enumerate(suggestions[:2]):
        services.suggestion_support(suggestion=suggestion, supporter_key=f"p:{n}", client="ip:7")
    with pytest.raises(UserFacingError, match="Too many"):
        services.suggestion_support(suggestion=suggestions[2], supporter_key="p:9", client="ip:7")


def test_rejecting_needs_a_reason_and_is_audited():
    suggestion = submit(make_window())
    actor = office(suggestion)
    with pytest.raises(UserFacingError):
        services.suggestion_moderate(actor=actor, suggestion=suggestion, publish=False)
    services.suggestion_moderate(actor=actor, suggestion=suggestion, publish=False, reason="spam")
    assert AuditRecord.objects.filter(action="suggestion.reject", actor=actor).exists()


def test_only_the_office_moderates():
    from minsheng.testing import make_user

    with pytest.raises(PermissionDenied):
        services.suggestion_moderate(
            actor=make_user(), suggestion=submit(make_window()), publish=True
        )


# --- through the web ------------------------------------------------------------------


def test_a_resident_submits_through_the_form_and_sees_it_on_their_page(client):
    window = make_window()
    domain = Domain.objects.get(name="交通出行")
    response = client.post(
        reverse("participation:window", args=[window.pk]),
        {
            "domain": domain.pk,
            "text": "建议在小区附近增加公共停车位",
            "contact_phone": "13812345678",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("participation:mine")).content.decode()
    assert "建议在小区附近增加公共停车位" in page
    assert "13812345678" not in page


def test_user_text_is_escaped_everywhere_it_is_shown(client):
    window = make_window()
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>停车位太少了建议增加'
    suggestion = published(window, attack)
    client.cookies.load({})
    for url in [
        reverse("participation:window", args=[window.pk]),
        reverse("participation:similar", args=[window.pk]) + "?text=停车位太少了建议增加",
    ]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page
    office_client = client
    office_client.force_login(office(window))
    page = office_client.get(reverse("participation:moderation")).content.decode()
    assert "<script>alert" not in page
    assert suggestion.pk


def test_support_through_the_web_counts_once_per_browser(client):
    window = make_window()
    suggestion = published(window, "建议在小区附近增加公共停车位")
    url = reverse("participation:support", args=[suggestion.pk])
    client.post(url)
    client.post(url)
    assert Support.objects.filter(suggestion=suggestion).count() == 1


def test_the_office_sees_contact_details_unmasked_in_the_queue_and_the_public_does_not(client):
    window = make_window()
    submit(window, contact_phone="13812345678")
    client.force_login(office(window))
    assert "13812345678" in client.get(reverse("participation:moderation")).content.decode()


def test_the_moderation_queue_is_closed_to_the_public(client):
    assert client.get(reverse("participation:moderation")).status_code == 403


def test_the_solicitation_closes_on_its_last_day_inclusive():
    window = make_window(opens_on=date.today() - timedelta(days=3), closes_on=date.today())
    assert window.is_open()


def test_similar_look_ups_are_rate_limited_too(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "similar": (2, 60)}
    window = make_window()
    url = reverse("participation:similar", args=[window.pk]) + "?text=建议增加停车位"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
