"""Reference values for LoadAnalyzerTest (NumPy 'linear' percentiles = R type 7). Run: python3 load_reference.py"""
import numpy as np

# (start ms, e2e ms, eval_count, ttft ms, decode tok/s, queue ms) per call; batches = repetitions
c4 = {1: [(1000.0, 500.0, 100, 120.0, 210.0, 2.0), (1001.0, 620.0, 110, 180.0, 190.0, 60.0),
          (1002.5, 700.0, 95, 240.0, 160.0, 110.0), (1003.0, 810.0, 120, 300.0, 150.0, 170.0)],
      2: [(3000.0, 450.0, 90, 110.0, 220.0, 1.0), (3000.5, 640.0, 100, 170.0, 185.0, 55.0),
          (3001.0, 720.0, 105, 250.0, 165.0, 120.0), (3002.0, 790.0, 115, 290.0, 155.0, 160.0)]}
c1 = {1: [(0.0, 400.0, 100, 80.0, 260.0, 1.0)], 2: [(2000.0, 420.0, 105, 85.0, 255.0, 1.0)]}

def arm(batches):
    tokens = sum(c[2] for b in batches.values() for c in b)
    wall = sum(max(c[0] + c[1] for c in b) - min(c[0] for c in b) for b in batches.values()) / 1000.0
    calls = [c for b in batches.values() for c in b]
    ttft = np.array([c[3] for c in calls]); e2e = np.array([c[1] for c in calls])
    out = dict(aggregate=tokens / wall, rps=len(calls) / wall, decode=np.mean([c[4] for c in calls]),
               queue=np.mean([c[5] for c in calls]))
    for p in (50, 95, 99):
        out[f"ttft_p{p}"] = np.percentile(ttft, p)
        out[f"e2e_p{p}"] = np.percentile(e2e, p)
    return out

a4, a1 = arm(c4), arm(c1)
for k, v in a4.items():
    print(f"c4 {k} = {v!r}")
for k, v in a1.items():
    print(f"c1 {k} = {v!r}")
print("efficiency =", a4["aggregate"] / (4 * a1["aggregate"]))
