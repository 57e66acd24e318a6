"""Reference values for stats.Race and MultipleTesting.holm (RaceTest, MultipleTestingTest).

SciPy 1.17.1 / NumPy: one-sided Welch tests (ttest_ind(..., equal_var=False, alternative='less')), t-based
confidence half-widths, and Holm's adjustment by R's p.adjust(method="holm") definition. Run: python3 race_reference.py
"""
import numpy as np
from scipy import stats as st


def holm(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order, start=1):
        running = max(running, min(1.0, p[i] * (m - rank + 1)))
        adjusted[i] = running
    return adjusted


def half_width(values, confidence):
    values = np.asarray(values, dtype=float)
    n = len(values)
    return st.t.ppf(1 - (1 - confidence) / 2, n - 1) * values.std(ddof=1) / np.sqrt(n)


# decode tok/s of five configurations after 3 rounds; higher is better
race = {
    1: [132.1, 131.6, 132.4],   # the leader
    2: [131.9, 132.3, 131.2],   # a near tie
    3: [128.0, 128.9, 127.5],   # clearly worse
    4: [131.0, 131.2, 131.5],   # worse at p < 0.05 alone, not after Holm
    5: [125.2, 126.0, 125.1],   # clearly worse
}
leader = 1
others = [2, 3, 4, 5]
p = [st.ttest_ind(race[i], race[leader], equal_var=False, alternative="less").pvalue for i in others]
print("one-sided p vs leader:", dict(zip(others, map(repr, p))))
print("Holm:", dict(zip(others, map(repr, holm(p)))))
for i in race:
    hw = half_width(race[i], 0.95)
    print(i, "mean", repr(np.mean(race[i])), "half-width", repr(hw), "relative %", repr(100 * hw / abs(np.mean(race[i]))))
print("holm([0.01,0.04,0.03,0.2,0.005,0.5,0.04]):", list(map(repr, holm([0.01, 0.04, 0.03, 0.2, 0.005, 0.5, 0.04]))))
