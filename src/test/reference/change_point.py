"""Reference values for ChangePointTest (stats.ChangePoint): one change point in a series whose points have known
variances, found by the largest standardised shift of inverse-variance weighted means over the n-1 splits, with a
Bonferroni-adjusted two-sided normal p-value, min(1, (n-1) * 2 * norm.sf(|z|)).

Written independently of the Java code (NumPy + scipy.stats.norm.sf). Run: python3 src/test/reference/change_point.py
and paste the printed constants into ChangePointTest. Python is not a build or test dependency.
"""
import numpy as np
import scipy
from scipy.stats import norm


def change_point(values, variances):
    x = np.asarray(values, dtype=float)
    w = 1.0 / np.asarray(variances, dtype=float)
    n = len(x)
    rows = []
    for k in range(1, n):
        wl, wr = w[:k].sum(), w[k:].sum()
        ml = np.dot(w[:k], x[:k]) / wl
        mr = np.dot(w[k:], x[k:]) / wr
        rows.append((k, ml, mr, mr - ml, (mr - ml) / np.sqrt(1 / wl + 1 / wr)))
    z = np.array([r[4] for r in rows])
    best = int(np.argmax(np.abs(z)))  # first maximum on ties
    k, ml, mr, shift, zk = rows[best]
    p = min(1.0, (n - 1) * 2 * norm.sf(abs(zk)))
    return dict(index=k, meanBefore=float(ml), meanAfter=float(mr), shift=float(shift), z=float(zk), pValue=float(p),
                all_z=z)


def show(name, values, variances, alpha=0.05):
    r = change_point(values, variances)
    print(f"// {name}: values={values}, variances={variances}")
    print(f"//   z per split k=1..{len(values) - 1}: {[float(v) for v in r['all_z']]}")
    print(f"//   index={r['index']}, found={r['pValue'] < alpha} at alpha={alpha}")
    print(f"//   unadjusted two-sided p = {float(2 * norm.sf(abs(r['z'])))!r}")
    for key in ("meanBefore", "meanAfter", "shift", "z", "pValue"):
        print(f"//   {key} = {r[key]!r}")
    return r


print(f"// SciPy {scipy.__version__}, NumPy {np.__version__}")

# (a) a clear step down of about 5 after the third check, unequal variances
show("STEP", [0.3, -0.2, 0.1, -5.1, -4.8, -5.3], [0.25, 0.16, 0.36, 0.49, 0.25, 0.64])

# (b) flat noisy series of 8 checks: the best split would pass alone (p = 0.031) but not after the Bonferroni
#     adjustment over the 7 splits
show("FLAT", [0.3, -0.2, 0.5, 0.4, -0.4, 0.1, -0.3, -0.5], [0.16, 0.25, 0.09, 0.36, 0.25, 0.16, 0.49, 0.09])
# ... and pure noise, where the adjusted p-value is capped at 1
show("NOISE", [0.4, -0.3, 0.1, 0.6, -0.5, 0.2, -0.1, 0.3], [0.16, 0.25, 0.09, 0.36, 0.25, 0.16, 0.49, 0.09])

# (c) a small precise step of +1 at index 5, and one very uncertain check (index 1: 9.0, variance 400) that an
#     unweighted method (equal variances: the chosen split does not depend on the common value) is drawn to
WEIGHTED_VALUES = [0.05, 9.0, -0.1, 0.0, 0.1, 1.05, 0.9, 1.1, 0.95]
WEIGHTED_VARIANCES = [0.01, 400.0, 0.01, 0.02, 0.01, 0.01, 0.02, 0.01, 0.01]
show("OUTLIER (weighted)", WEIGHTED_VALUES, WEIGHTED_VARIANCES)
show("OUTLIER (unweighted: all variances 1)", WEIGHTED_VALUES, [1.0] * len(WEIGHTED_VALUES))

# an exact tie between the splits k=1 (shift -0.5) and k=2 (shift +0.5): the first is chosen
show("TIE", [1.0, 0.0, 1.0], [1.0, 1.0, 1.0])

# two points: a single split
show("TWO", [1.0, 3.0], [0.5, 1.5])
