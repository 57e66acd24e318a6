"""Reference values for RatioOfMeansTest (issue 28): the log ratio of means with a known extra variance."""
import numpy as np
from scipy import stats


def ratio(a, b, conf, extra):
    a, b = np.asarray(a, float), np.asarray(b, float)
    va = a.var(ddof=1) / (len(a) * a.mean() ** 2)
    vb = b.var(ddof=1) / (len(b) * b.mean() ** 2)
    se = np.sqrt(va + vb + extra)
    df = se ** 4 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    t = stats.t.ppf(1 - (1 - conf) / 2, df)
    lr = np.log(a.mean() / b.mean())
    return (np.exp(lr) - 1) * 100, (np.exp(lr - t * se) - 1) * 100, (np.exp(lr + t * se) - 1) * 100, df


check = [101.2, 99.8, 100.5, 98.9, 100.1, 99.5]
reference = [110.3, 109.1, 111.0, 108.7, 110.2]
print(ratio(check, reference, 0.95, 0.0001))
print(ratio(check, reference, 0.90, 0.0004))
z = stats.norm.ppf(0.975)
print((np.exp(-z * 0.01) - 1) * 100, (np.exp(z * 0.01) - 1) * 100)
