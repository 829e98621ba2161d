"""Traditional characters (繁体) read as simplified, with every offset kept.

Many mirrors of mainland pages are converted to 繁体; the parser's words (责任单位, 完成, 万户) are
simplified. OpenCC converts; the converted text must have the same length as the original so
that every span found in it points at the same characters of the original, which is what the
page shows. A phrase conversion that changes the length is redone character by character.
"""

import re
from functools import lru_cache

import opencc

# Big5/GBK characters that exist only in traditional use; one of them is enough to convert.
_COMMON = (
    "們這個來時為會對說與經過還後發現當體點樣從進種開關應學實動問業區層際單總義頭項報縣鎮辦"
    "務計劃標責據護醫療養機構電車線參聯權處條執規範導資產遠億萬價場衛鄉戶國軍實"
)
# Pinyin readings some mirrors print after each character: 導(dǎo)航, 強(qiáng)化.
READING = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _marker() -> re.Pattern[str]:
    convert = _converter().convert
    return re.compile("[" + "".join(c for c in _COMMON if convert(c) != c) + "]")


def has_traditional(text: str) -> bool:
    return bool(_marker().search(text))


def strip_readings(text: str) -> str:
    """導(dǎo)航 → 導航: readings are not part of the document's words."""
    return READING.sub("", text)


def simplified(text: str) -> str:
    """The text in simplified characters, of the same length (so spans carry over)."""
    if not has_traditional(text):
        return text
    convert = _converter().convert
    lines = []
    for line in text.split("\n"):
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := convert(char)) == 1 else char for char in line)
        lines.append(converted)
    return "\n".join(lines)
