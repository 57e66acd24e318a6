package org.chimerabench.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.springframework.stereotype.Component;

/** {@code chimera.sweeps{status="running"|"queued"}}: how many sweeps run now and how many wait (the queue). */
@Component
class SweepMeters implements MeterBinder {

    private final SweepService sweeps;

    SweepMeters(SweepService sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SweepStatus status : new SweepStatus[] {SweepStatus.RUNNING, SweepStatus.QUEUED}) {
            Gauge.builder("chimera.sweeps", sweeps, service -> service.count(status))
                    .description("sweeps by status").tag("status", status.label()).register(registry);
        }
    }
}
