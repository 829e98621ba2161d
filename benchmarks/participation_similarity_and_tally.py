"""How fast the participation rules run at a city's scale (no database).

- similar suggestions: one probe against N earlier suggestions (character-bigram Dice),
  as done on every keystroke pause while a resident types;
- the ballot count: 500 deputies choosing 15 of 40 candidates.
"""

import random
import time

from minsheng.participation.similarity import most_similar
from minsheng.participation.tally import Rules, tally

WORDS = "停车位小区老旧改造公共充电桩路灯学校托管养老助餐社区医院公交线路地铁站公园绿地菜市场供暖燃气管网".replace(
    "", " "
).split()


def sentence(rnd: random.Random) -> str:
    return "建议" + "".join(rnd.choice(WORDS) for _ in range(rnd.randint(12, 40)))


def main() -> None:
    rnd = random.Random(2026)
    for n in (1_000, 5_000, 20_000):
        pool = [(i, sentence(rnd)) for i in range(n)]
        probe = pool[n // 2][1][:20]
        start = time.perf_counter()
        found = most_similar(probe, pool)
        ms = (time.perf_counter() - start) * 1000
        print(f"similar: {n:>6} suggestions scanned in {ms:7.1f} ms, {len(found)} matches")

    candidates = list(range(40))
    papers = [set(rnd.sample(candidates, rnd.randint(0, 15))) for _ in range(480)]
    start = time.perf_counter()
    result = tally(candidates, papers, eligible=500, rules=Rules(15))
    ms = (time.perf_counter() - start) * 1000
    print(
        f"tally: 480 of 500 papers, 40 candidates, K=15 in {ms:.1f} ms; chosen {len(result.chosen)}, tied {len(result.tied)}"
    )


if __name__ == "__main__":
    main()
