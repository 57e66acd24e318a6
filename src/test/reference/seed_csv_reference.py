"""Independent reference for AnalysisReferenceTest: the §6 analysis of the `rust` rows of the seed
summary CSV, computed with NumPy/SciPy (not with the Java code). Run:

    python3 src/test/reference/seed_csv_reference.py src/main/resources/examples/chimeraforge/rust_vs_python_sweep_summary.csv rust

and paste the printed constants into AnalysisReferenceTest. Python is not a build or test dependency.
"""
import csv
import sys

import numpy as np
import scipy
from scipy import stats

np.set_printoptions(legacy="1.25")  # plain reprs of np.float64

path, language = sys.argv[1], sys.argv[2]
rows = [r for r in csv.DictReader(open(path)) if r["language"] == language]
cfg = []
for r in rows:
    b, c = float(r["baseline_tok_s"]), float(r["chimera_tok_s"])
    bt, ct = float(r["baseline_ttft_ms"]), float(r["chimera_ttft_ms"])
    cfg.append(dict(gpu=int(r["gpu"]), ctx=int(r["ctx"]), temp=float(r["temp"]), b=b, c=c, bt=bt, ct=ct,
                    delta=(c - b) / b * 100, ttft=(bt - ct) / bt * 100))

print(f"// SciPy {scipy.__version__}, NumPy {np.__version__}; {len(cfg)} configurations of '{language}'")
d = np.array([x["delta"] for x in cfg])
t = np.array([x["ttft"] for x in cfg])
improved = sum(1 for x in cfg if x["delta"] > 0)
print(f"IMPROVED = {improved}; SUCCESS_RATE = {improved / len(cfg) * 100!r};")


def test(name, v):
    r = stats.ttest_1samp(v, 0.0)
    ci = r.confidence_interval(0.95)
    one = stats.ttest_1samp(v, 0.0, alternative="greater").pvalue
    print(f"{name} = {{{v.mean()!r}, {v.std(ddof=1)!r}, {ci.low!r}, {ci.high!r}, {r.statistic!r}, {r.pvalue!r}, {one!r}}};"
          " // mean, sd, ci95Low, ci95High, t, p2, p1(greater)")


test("THROUGHPUT_DELTA_TEST", d)
test("TTFT_REDUCTION_TEST", t)


def dist(name, v):
    v = np.array(v)
    q1, med, q3 = np.quantile(v, [0.25, 0.5, 0.75])
    sd = v.std(ddof=1)
    print(f"{name} = {{{v.min()!r}, {q1!r}, {med!r}, {q3!r}, {v.max()!r}, {v.mean()!r}, {sd!r}, {sd / abs(v.mean()) * 100!r}}};"
          " // min, q1, median, q3, max, mean, sd, cv%")


dist("THROUGHPUT_DIST", [x["b"] for x in cfg] + [x["c"] for x in cfg])
dist("TTFT_DIST", [x["bt"] for x in cfg] + [x["ct"] for x in cfg])
dist("THROUGHPUT_BASELINE_DIST", [x["b"] for x in cfg])
dist("THROUGHPUT_CHIMERA_DIST", [x["c"] for x in cfg])


def fmt(v):
    return str(int(v)) if float(v).is_integer() and not isinstance(v, float) else repr(v)


def key(x):
    return f"num_gpu={x['gpu']} · num_ctx={x['ctx']} · temperature={x['temp']}"


for axis, field, values in [("num_gpu", "gpu", [60, 80, 120]), ("num_ctx", "ctx", [256, 512, 1024]),
                            ("temperature", "temp", [0.6, 0.8])]:
    for v in values:
        m = [x for x in cfg if x[field] == v]
        imp = sum(1 for x in m if x["delta"] > 0)
        best = max(m, key=lambda x: (x["delta"], x["c"]))
        print(f'row("{axis}", "{v}", {len(m)}, {imp}, {imp / len(m) * 100!r}, {np.mean([x["delta"] for x in m])!r},'
              f' "{key(best)}", {best["delta"]!r}),')

top = sorted(cfg, key=lambda x: (x["delta"], x["c"]), reverse=True)[:5]
print("TOP_BY_THROUGHPUT = " + ", ".join(f'"{key(x)}"' for x in top))
print("TOP_BY_THROUGHPUT_DELTAS = " + ", ".join(repr(x["delta"]) for x in top))
topt = sorted(cfg, key=lambda x: (x["ttft"], x["delta"]), reverse=True)[:5]
print("TOP_BY_TTFT = " + ", ".join(f'"{key(x)}"' for x in topt))
print("TOP_BY_TTFT_REDUCTIONS = " + ", ".join(repr(x["ttft"]) for x in topt))

# recommendation matrix
mx = max(cfg, key=lambda x: (x["delta"], x["c"]))
print(f'MAX_THROUGHPUT = "{key(mx)}"')
imp = [x for x in cfg if x["delta"] > 0]
rd = stats.rankdata([-x["delta"] for x in imp])      # rank 1 = highest, ties averaged
rt = stats.rankdata([-x["ttft"] for x in imp])
bal = min(range(len(imp)), key=lambda i: (rd[i] + rt[i], -imp[i]["delta"]))
print(f'BALANCED = "{key(imp[bal])}"  // rank sum {rd[bal] + rt[bal]}')
cand = [x for x in cfg if x["delta"] >= 0]
res = min(cand, key=lambda x: (x["gpu"], x["ctx"], -x["delta"]))
print(f'RESOURCE_EFFICIENT = "{key(res)}"')
