package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each option's share of the variance, computed by hand for a balanced 2 × 2 grid: values 10, 12 (a=1) and 14, 16
 * (a=2), b alternating 1, 2. Grand mean 13, total SS 9 + 1 + 1 + 9 = 20; a's groups 11 and 15 → SS 2·4 + 2·4 = 16
 * (80 %); b's groups 12 and 14 → SS 2·1 + 2·1 = 4 (20 %).
 */
class WhatMatteredTest {

    @Test
    void sharesOfABalancedGridAddUp() {
        List<WhatMattered.Share> shares = WhatMattered.of(List.of(
                new WhatMattered.Measured(Map.of("a", 1, "b", 1), 10),
                new WhatMattered.Measured(Map.of("a", 1, "b", 2), 12),
                new WhatMattered.Measured(Map.of("a", 2, "b", 1), 14),
                new WhatMattered.Measured(Map.of("a", 2, "b", 2), 16)));
        assertThat(shares).extracting(WhatMattered.Share::option).containsExactly("a", "b");
        assertThat(shares.get(0).sharePct()).isCloseTo(80, within(1e-9));
        assertThat(shares.get(1).sharePct()).isCloseTo(20, within(1e-9));
    }

    @Test
    void nothingToSayWithoutVariance() {
        assertThat(WhatMattered.of(List.of(new WhatMattered.Measured(Map.of("a", 1), 5)))).isEmpty();
        assertThat(WhatMattered.of(List.of(new WhatMattered.Measured(Map.of("a", 1), 5),
                new WhatMattered.Measured(Map.of("a", 2), 5)))).isEmpty();
    }
}
