from minsheng.core.ids import parse_id


def test_plain_ascii_digits_are_an_id():
    assert parse_id("42") == 42


def test_superscripts_and_other_scripts_digits_are_not_ids():
    assert [parse_id(text) for text in ("²", "٣", "4²", "-1", "0", "1e3", "", None)] == [None] * 8


def test_a_number_too_long_for_a_key_is_not_an_id():
    assert parse_id("1" * 19) is None
