"""The gazetteer the reader names a page's government by (parser/places.py)."""

from collections import Counter

from minsheng.ingest.parser import places


def test_a_known_name_is_read_out_of_the_words_before_it() -> None:
    assert places.known_suffix("想知道闵行区") == "闵行区"


def test_a_name_of_two_characters_is_read_after_a_preposition() -> None:
    assert places.known_suffix("在涉县") == "涉县"


def test_a_name_of_two_characters_is_not_read_out_of_a_word() -> None:
    assert places.known_suffix("县直牵头部门和县") is None


def test_of_a_chain_of_places_only_the_last_is_named() -> None:
    assert places.named_in("青海省西宁市城西区召开会议") == ["城西区"]


def test_a_name_that_is_also_a_word_is_not_found_by_the_scan() -> None:
    assert places.named_in("新增城市书房12个") == []


def test_places_under_one_city_named_as_often_name_that_city() -> None:
    assert places.most_named(Counter({"端州区": 2, "鼎湖区": 2}), "") == "肇庆市"


def test_of_places_named_as_often_the_one_the_page_writes_most_wins() -> None:
    text = "山西河津承诺…运城市民生实事…河津市政府…河津人民"
    assert places.most_named(Counter({"运城市": 1, "河津市": 1}), text) == "河津市"


def test_a_county_level_city_is_of_the_district_level() -> None:
    assert places.level("古交市") == "district"


def test_a_municipality_is_of_the_province_level() -> None:
    assert places.level("重庆市") == "province"
