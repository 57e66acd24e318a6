"""Reference values for the sweep verdict (docs/architecture.md §6.5), from the seed summary CSV.

Run: python3 src/test/reference/verdict_reference.py  (SciPy, NumPy). Output pasted into VerdictReferenceTest.
"""
import csv
import pathlib
import numpy as np
from scipy import stats

CSV = pathlib.Path(__file__).resolve().parents[2] / "main/resources/examples/chimeraforge/rust_vs_python_sweep_summary.csv"


def report(name, values):
    x = np.array(values, dtype=float)
    n = len(x)
    m = x.mean()
    se = x.std(ddof=1) / np.sqrt(n)
    lo95, hi95 = stats.t.interval(0.95, n - 1, loc=m, scale=se)
    lo90, hi90 = stats.t.interval(0.90, n - 1, loc=m, scale=se)
    p = stats.ttest_1samp(x, 0).pvalue
    improved = int((x > 0).sum())
    sign = stats.binomtest(improved, n, 0.5).pvalue
    print(f"{name}: n={n} mean={m!r} ci95=({lo95!r}, {hi95!r}) ci90=({lo90!r}, {hi90!r}) p={p!r}"
          f" improved={improved} signTestP={sign!r}")


for language in ("rust", "python"):
    rows = [r for r in csv.DictReader(open(CSV)) if r["language"] == language]
    tok = [(float(r["chimera_tok_s"]) - float(r["baseline_tok_s"])) / float(r["baseline_tok_s"]) * 100 for r in rows]
    ttft = [(float(r["baseline_ttft_ms"]) - float(r["chimera_ttft_ms"])) / float(r["baseline_ttft_ms"]) * 100
            for r in rows]
    report(language + " throughput", tok)
    report(language + " ttft", ttft)

# hand-made cases
for name, values in {"better": [1.0, 1.5, 2.0, 2.5], "worse": [-1.0, -1.5, -2.0, -2.5],
                     "equivalent": [0.1, -0.1, 0.2, -0.2, 0.05, 0.0]}.items():
    report(name, values)
for k, n in ((13, 18), (1, 18), (0, 5), (9, 18)):
    print(f"binomtest({k}, {n}) = {stats.binomtest(k, n, 0.5).pvalue!r}")
